/**
 * Import of BPMN 2.0 XML made in other modelers (bpmn.io, Camunda Modeler, Flowable Modeler) as approval chain
 * drafts, refusing every element and expression the platform does not run.
 */
@NullMarked
package org.tezuo.workflow.bpmnimport;

import org.jspecify.annotations.NullMarked;
