/**
 * The approval-chain designer: flow documents (metadata kind FLOW) edited as a vertical chain of node cards the
 * way DingTalk and Feishu draw approval flows, checked against the meta-schema and the flow parser, stored
 * through the metadata store, and shown as the compiled BPMN diagram. The designer works on the JSON document
 * itself, never on the workflow engine's Java model.
 */
@NullMarked
package org.tezuo.app.ui.flow;

import org.jspecify.annotations.NullMarked;
