/** Sign-in for people and API clients: users from app_user, roles as ROLE_ authorities, the signed-in user. */
@NullMarked
package org.tezuo.app.security;

import org.jspecify.annotations.NullMarked;
