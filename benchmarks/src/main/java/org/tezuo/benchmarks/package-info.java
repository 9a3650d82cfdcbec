/**
 * JMH benchmarks of the metadata runtime. Each benchmark class states what it measures; results, the command that
 * produced them and the machine are recorded in docs/benchmarks.md.
 */
package org.tezuo.benchmarks;
