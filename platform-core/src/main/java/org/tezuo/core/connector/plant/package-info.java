/**
 * Live plant data for permit risk checks: fixed gas-detector readings from a gas-detection system (GDS) gateway and
 * the live state of equipment tags from a DCS or historian gateway, both in Tezuo's plant-gateway JSON format, with a
 * loopback stub of that format.
 */
@NullMarked
package org.tezuo.core.connector.plant;

import org.jspecify.annotations.NullMarked;
