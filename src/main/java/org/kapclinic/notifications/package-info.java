// SPDX-License-Identifier: Apache-2.0
/**
 * Outgoing messages. Email goes through an outbox written in the sender's transaction and is delivered afterwards by
 * a cluster-safe job, so a message is never lost and never sent for a change that rolled back.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.kapclinic.notifications;
