/**
 * Small types every module may use: ids, money, problem errors, the clock, the database and
 * idempotency plumbing. Open on purpose: it holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.kopilka.shared;
