package org.waymark.followup;

import java.util.List;
import java.util.UUID;

/**
 * What the person said about one service they were connected to.
 *
 * @param sourceId the connection's or signpost's id ({@link ConnectedService#sourceId()})
 * @param serviceName as it was when recorded
 * @param went required when the follow-up is completed
 * @param stillGoing required when they went; otherwise null
 * @param helped required when they went; otherwise null
 * @param barriers what got in the way; may be empty
 * @param barrierOther in words, required when {@link Barrier#OTHER} is among the barriers
 */
public record ServiceAnswer(
    ServiceKind kind,
    UUID sourceId,
    String serviceName,
    Answer went,
    Answer stillGoing,
    Helped helped,
    List<Barrier> barriers,
    String barrierOther) {

  public ServiceAnswer {
    barriers = barriers == null ? List.of() : List.copyOf(barriers);
  }
}
