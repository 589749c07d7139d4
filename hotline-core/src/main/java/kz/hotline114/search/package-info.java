/**
 * Search: Elasticsearch as a derived, rebuildable index of what PostgreSQL holds, fed through a
 * transactional outbox that the owning features write in their own transactions.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.search;
