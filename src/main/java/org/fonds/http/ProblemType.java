package org.fonds.http;

/** Every kind of problem Fonds reports. The {@code type} URI of a problem is {@code /problems/<slug>}. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request",
            "The request could not be read: its body is not well-formed JSON, or a parameter has the wrong form."),
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter",
            "A query or path parameter has a value outside what the operation accepts; see `errors`."),
    INVALID_CURSOR("invalid-cursor", 400, "Invalid cursor",
            "The paging cursor was not issued by this server for this listing (tampered, truncated or foreign)."),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required",
            "The operation needs credentials, or the credentials sent were not accepted (malformed, expired, signed "
                    + "by an unknown key, or a revoked API key). Send `Authorization: Bearer <JWT>` or "
                    + "`X-API-Key: <key>`; see `WWW-Authenticate`."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The credentials are valid but their role does not allow this operation: contributors create and edit "
                    + "drafts, editors publish and edit anything, administrators manage API keys."),
    NOT_FOUND("not-found", 404, "Not found", "No resource has this identifier."),
    UNKNOWN_PATH("unknown-path", 404, "Unknown path", "No operation is served at this path."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The resource exists but does not support this HTTP method; see the `Allow` header."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable",
            "None of the media types in `Accept` can be produced; Fonds speaks application/json."),
    CONFLICT("conflict", 409, "Conflict", "The request conflicts with the current state of the resource."),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed",
            "The `If-Match` header does not match the current version of the resource: it was changed since you "
                    + "read it. Fetch it again, re-apply your change and retry with the new ETag."),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required",
            "Every PUT, PATCH and DELETE must send `If-Match` with the ETag of the version it is based on (not `*`), "
                    + "so that no one overwrites a change they have not seen. Read the resource and send its ETag."),
    GONE("gone", 410, "Gone",
            "The resource was deleted. It keeps its revisions and an editor can restore it "
                    + "(POST .../revisions/{version}/restore); until then it is absent from every list and search."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused",
            "This `Idempotency-Key` was already used (within 24 hours, by the same caller) for a different request: "
                    + "another method, path or body. Use a new key for a new request."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large", "The request body is larger than the server accepts."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The request body has a media type this operation does not accept; see the operation's request body."),
    VALIDATION_FAILED("validation-failed", 422, "Validation failed",
            "The request body is well-formed but some fields are invalid; `errors` has one entry per field."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "This client sent more requests than its rate limit allows (per authenticated principal, else per remote "
                    + "address; reads and writes are counted apart). Wait the `Retry-After` seconds, then retry."),
    INTERNAL_ERROR("internal-error", 500, "Internal server error",
            "An unexpected error occurred. It has been logged; please report it with the time of the request."),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable",
            "A service Fonds depends on (the database) is not available. Retry later."),
    QUERY_TIMEOUT("query-timeout", 503, "Query timeout",
            "A database statement of this request ran longer than the statement timeout (`fonds.db.statement-timeout`, "
                    + "5 s by default) and was cancelled; nothing was changed. Usually the database is busy or a row is "
                    + "locked by another writer: retry after `Retry-After` seconds. If the same request times out "
                    + "again, make it cheaper (a narrower query, more filters, a smaller page).");

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
