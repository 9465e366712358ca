package org.fonds.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/** Applies a JSON Merge Patch to the writable fields of a resource and validates the result like a PUT body. */
@ApplicationScoped
public class MergePatcher {

    private final ObjectMapper json;
    private final Validator validator;

    public MergePatcher(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * {@code current} (a request-body record of the stored state) patched by {@code patch} and read back as
     * {@code type}: 400 when the patch is not a JSON object, 422 when the result has invalid fields.
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (!patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A merge patch must be a JSON object.");
        }
        T merged = read(MergePatch.apply(json.valueToTree(current), patch), type);
        Set<ConstraintViolation<T>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return merged;
    }

    /**
     * A request body received as a JSON tree, read as {@code type}: 400 when absent, 400 or 422 as for a body read by
     * JAX-RS when it does not fit the type (not validated here: the caller validates what it writes).
     */
    public <T> T read(JsonNode body, Class<T> type) {
        ProblemException.requireBody(body);
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }
}
