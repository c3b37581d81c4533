package io.tenantry.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.command.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses (a path with {@code ..}, an encoded or control character, a
 * non-normalised URL) is answered here, as a 400 problem. Spring Security's default sends the error to the error page,
 * whose own dispatch it then refuses too, and the client got a 400 with no body at all.
 */
@Component
class RejectedRequestProblems implements RequestRejectedHandler {

    private final ObjectMapper objectMapper;

    RejectedRequestProblems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemResponses.write(
                response,
                objectMapper,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "bad_request",
                        "Bad request",
                        "The request URL is not acceptable "
                                + "(it is not normalised or holds characters that are not allowed)."));
    }
}
