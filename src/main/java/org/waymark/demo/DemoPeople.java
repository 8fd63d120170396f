package org.waymark.demo;

import java.util.UUID;

/** Loads demo records into a module that holds people's data, for the two demo PCNs. */
interface DemoPeople {
  void load(UUID firstPcn, UUID secondPcn);
}
