// SPDX-License-Identifier: Apache-2.0
/**
 * Accounts, roles, sign-in, sessions and API tokens. Passwords are bcrypt hashes; failed sign-ins are throttled
 * progressively per account and per IP (never a lock-out an attacker could trigger); tokens are stored hashed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "notifications", "demo"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.security;
