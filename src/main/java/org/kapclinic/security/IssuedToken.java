// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.UUID;

/** A newly issued API token. {@code secret} is shown once and never stored. */
public record IssuedToken(UUID id, String name, String secret) {}
