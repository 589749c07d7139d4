/** Users, roles, the first admin, and the append-only audit log of access to personal data. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.security;
