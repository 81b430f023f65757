// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.CurrentUser;

/**
 * HAPI's in-memory paging, with the rule that a result set's later pages go only to the user who searched; anyone
 * else gets HAPI's "search expired" answer, as if the id were unknown. The pages live in this node's memory (ADR 023):
 * behind a load balancer without sticky sessions a "next" link may expire early; the search can simply be re-run.
 */
class OwnedPagingProvider extends FifoMemoryPagingProvider {

    private final CurrentUser currentUser;

    OwnedPagingProvider(int size, int defaultPageSize, int maxPageSize, CurrentUser currentUser) {
        super(size);
        setDefaultPageSize(defaultPageSize);
        setMaximumPageSize(maxPageSize);
        this.currentUser = currentUser;
    }

    @Override
    public synchronized @Nullable IBundleProvider retrieveResultList(RequestDetails request, String id) {
        var stored = super.retrieveResultList(request, id);
        var user = currentUser.find().map(u -> u.email()).orElse(null);
        if (stored instanceof AuditedBundle bundle && bundle.owner().equals(user)) {
            return stored;
        }
        return null;
    }
}
