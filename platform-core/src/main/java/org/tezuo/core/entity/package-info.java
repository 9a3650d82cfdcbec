/**
 * Entity documents with {@code storage: records} as database tables: the parsed model, the checks run at save
 * and publish, and the migration that a publish generates as a Liquibase changelog.
 */
@NullMarked
package org.tezuo.core.entity;

import org.jspecify.annotations.NullMarked;
