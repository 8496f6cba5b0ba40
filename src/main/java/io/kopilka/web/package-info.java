/**
 * The screens people use: the owner's and manager's console ({@code admin}), the cashier's till
 * ({@code till}), the customer's wallet ({@code wallet}: its pages and its own security chain, a
 * device's session kept by {@code memberaccess}), and what they share ({@code common}:
 * sign-in pages, languages, the layout's model). Server-rendered with Thymeleaf and htmx; every page
 * calls the same facades as the REST API, so no pricing, ledger rule or SQL lives here.
 */
package io.kopilka.web;
