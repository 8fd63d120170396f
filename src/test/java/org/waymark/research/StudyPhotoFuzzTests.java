package org.waymark.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.waymark.support.JsonMutations;

/**
 * Fuzzing the check of a team member's photo: mutants of good PNG and JPEG files (cut short, bytes
 * flipped, blocks repeated) are taken or refused, never an exception, and a small file whose header
 * claims an enormous picture is refused from its header, without decoding it.
 */
class StudyPhotoFuzzTests {

  static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      image.setRGB(x, x % height, 0x336699);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  @Test
  void mutantsOfGoodPhotosAreTakenOrRefusedNeverThrown() throws IOException {
    JsonMutations mutations = new JsonMutations(4401);
    for (String format : new String[] {"png", "jpeg"}) {
      byte[] good = image(format, 64, 48);
      assertThat(Studies.imageType(good)).isEqualTo("image/" + format);
      for (int i = 0; i < 150; i++) {
        byte[] mutant = mutations.mutateBytes(good);
        assertThat(Studies.imageType(mutant))
            .as(format + " mutant " + i)
            .isIn(null, "image/" + format);
      }
    }
  }

  @Test
  void aSmallPngClaimingAnEnormousPictureIsRefusedFromItsHeader() throws IOException {
    byte[] png = image("png", 2, 2);
    // The IHDR chunk follows the 8-byte signature: length, "IHDR", width, height, ..., CRC. At
    // 20,000 pixels square, three bytes a pixel, decoding would want 1.2 GB: more than the heap.
    ByteBuffer b = ByteBuffer.wrap(png);
    b.putInt(16, 20_000);
    b.putInt(20, 20_000);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    b.putInt(29, (int) crc.getValue());
    assertThat(Studies.imageType(png)).isNull();
  }
}
