package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.file.StoredFile;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** An input whose value is the id of a file in the file store: a photo, a document or a signature. */
abstract class StoredFileInput implements FieldInput {

    protected final @Nullable FormFiles files;
    protected final Div root = new Div();
    protected final Span label;
    protected final InputMessage error = new InputMessage();
    protected @Nullable String storedId;

    StoredFileInput(FormField field, InputFactory factory) {
        this.files = factory.context().files();
        this.label = factory.heading(field);
    }

    /** Shows the stored file with this id, or the empty input for null, and makes it the value. */
    abstract void show(@Nullable String id);

    /** Returns a handler that streams a file the store found, with its name and type. */
    static DownloadHandler download(FormFiles store, StoredFile file) {
        return DownloadHandler.fromInputStream(event -> new DownloadResponse(store.open(file), file.originalName(),
                file.contentType(), file.sizeBytes()));
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void read(JsonNode value) {
        show(value.isString() && !value.asString().isBlank() ? value.asString() : null);
    }

    @Override
    public @Nullable JsonNode write() {
        return storedId == null ? null : JsonNodeFactory.instance.stringNode(storedId);
    }

    @Override
    public boolean showError(FieldPath path, String message) {
        return error.showAt(path, message);
    }

    @Override
    public void clearErrors() {
        error.clear();
    }

    @Override
    public void setRequired(boolean required) {
        label.setClassName("tezuo-required", required);
    }
}
