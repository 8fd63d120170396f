/**
 * Value types and small contracts used by every module: NHS numbers, postcodes, the acting user.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.waymark.shared;
