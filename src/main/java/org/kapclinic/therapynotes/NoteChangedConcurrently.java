// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

/** Someone saved the draft (another tab or window) since this copy was opened: nothing was overwritten. */
public class NoteChangedConcurrently extends IllegalStateException {

    NoteChangedConcurrently() {
        super("This draft was saved in another tab or window since you opened it, so your changes were not saved. "
                + "Your text is kept below: copy what you need, then reload the note.");
    }
}
