/**
 * The screens people use: the owner's and manager's console ({@code admin}), with the till and the
 * customer's wallet to come ({@code till}, {@code wallet}), and what they share ({@code common}:
 * sign-in pages, languages, the layout's model). Server-rendered with Thymeleaf and htmx; every page
 * calls the same facades as the REST API, so no pricing, ledger rule or SQL lives here.
 */
package io.kopilka.web;
