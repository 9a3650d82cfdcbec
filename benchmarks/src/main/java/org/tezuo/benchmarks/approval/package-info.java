/**
 * Approval throughput: permits per second through a four-step chain on PostgreSQL, through Tezuo's approval API
 * and through plain Flowable with a hand-written BPMN on the same engine.
 */
package org.tezuo.benchmarks.approval;
