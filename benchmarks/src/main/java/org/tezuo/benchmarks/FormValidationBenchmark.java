package org.tezuo.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.validation.FormValidation;
import org.tezuo.form.validation.FormValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-side validation of one filled hot-work permit (about 2 KB of JSON) with the LNG-terminal template's form:
 * evaluation of conditions and computed fields, the JSON Schema with format assertions, and the cross-field rule.
 * Schemas and expressions are compiled in {@link #setUp()}, so the figure is the per-request cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FormValidationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FormValidator validator;
    private FormDefinition form;
    private JsonNode data;
    private EvaluationContext context;

    @Setup
    public void setUp() {
        form = new FormDefinitionParser().parse("hot-work-permit", 1,
                read("/org/tezuo/templates/lng-terminal/form/hot-work-permit.json"));
        data = read("/org/tezuo/benchmarks/hot-work-permit-data.json");
        validator = new FormValidator(new MvelExpressionCompiler(), Clock.systemUTC());
        context = EvaluationContext.of("wangwu", "lng-ops", ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE,
                Clock.systemUTC());
        FormValidation first = validator.validate(form, data, context);
        if (!first.isValid()) {
            throw new IllegalStateException("The benchmark permit must be valid: " + first.errors());
        }
    }

    @Benchmark
    public FormValidation validateHotWorkPermit() {
        return validator.validate(form, data, context);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = FormValidationBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Resource is missing: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
