// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

/** The import did not run, or rolled back whole: the message says why and what to do. Nothing was changed. */
public class ImportRefused extends RuntimeException {

    public ImportRefused(String message) {
        super(message);
    }

    public ImportRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
