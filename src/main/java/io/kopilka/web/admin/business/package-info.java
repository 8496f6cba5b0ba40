/**
 * The owner's pages for running the business around the program: messages to members (settings,
 * texts, the log and the demo's mailbox), webhooks, API keys, staff accounts and the audit log. Each
 * page calls the facade the REST API calls; a secret (a key, a webhook's signing secret, a staff
 * member's one-time link) is shown once, on the answer that made it.
 */
package io.kopilka.web.admin.business;
