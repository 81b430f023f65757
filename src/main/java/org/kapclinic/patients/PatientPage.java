// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.List;

/** One page of search results. {@code page} counts from 0. */
public record PatientPage(List<PatientSummary> patients, int page, int size, long total) {

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
