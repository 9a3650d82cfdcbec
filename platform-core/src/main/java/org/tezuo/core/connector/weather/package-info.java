/** Live weather observations for permit risk checks: the QWeather client, wind levels and a loopback stub. */
@NullMarked
package org.tezuo.core.connector.weather;

import org.jspecify.annotations.NullMarked;
