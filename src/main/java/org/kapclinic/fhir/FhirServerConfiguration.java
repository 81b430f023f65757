// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.kapclinic.security.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain RestfulServer at {@code /fhir/*} (STACK.md 5), with this module's resource providers, JSON by
 * default, paging kept per user, and errors as OperationOutcomes without internals. Spring Security's filters run
 * before it, so the session cookie or an API bearer token signs the request in, as on /api.
 */
@Configuration
class FhirServerConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    @ConditionalOnWebApplication
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
            BulkExportProvider bulk, FhirSettings settings, CurrentUser currentUser) {
        RestfulServer server = new RestfulServer(context) {
            /** No X-Powered-By: a response names neither the product nor its version (ADR 029, ASVS V13). */
            @Override
            public void addHeadersToResponse(jakarta.servlet.http.HttpServletResponse response) {}
        };
        server.setServerName("KAP Clinic FHIR R4");
        server.setResourceProviders(List.copyOf(providers));
        server.registerProvider(bulk);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setPagingProvider(new OwnedPagingProvider(200, settings.defaultPageSize(), settings.maxPageSize(),
                currentUser));
        server.registerInterceptor(new FhirErrors());
        var registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
