// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Fuzzes the public inquiry API's JSON (ADR 029) through MockMvc and the shared test context: the body is parsed by
 * Jackson, validated by InquiryValidation and InquiryRules (dates of birth, time windows, codes) and screened by the
 * crisis matcher. Each input is the request body, sent from its own address so the rate limit stays out of the way.
 */
@ClinicIntegrationTest
class InquiryApiFuzzTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    /**
     * Whatever the body, the answer is 201 (created, with a reference) or 400 as problem+json that names what is wrong;
     * never a 5xx, and never a stack trace or an exception's class name in the body.
     */
    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAcceptedOrRefusedAsABadRequestNeverAServerError(FuzzedDataProvider data) throws Exception {
        var body = data.consumeRemainingAsBytes();
        int n = ADDRESSES.incrementAndGet();
        var response = mvc.perform(MockMvcRequestBuilders.post("/api/v1/inquiries")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body)
                .with(request -> {
                    request.setRemoteAddr("10.29." + (n >> 8 & 255) + "." + (n & 255));
                    return request;
                })).andReturn().getResponse();
        var text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isIn(201, 400);
        assertThat(text).doesNotContain("Exception", "\tat ", "org.kapclinic", "tools.jackson", "com.fasterxml");
        if (response.getStatus() == 201) {
            assertThat(text).contains("\"reference\"");
        } else {
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }
}
