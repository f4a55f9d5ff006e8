/* bb-domain-check.h - does a domain take mail? MX and address look-ups,
 * told apart from "no network"; blocklist look-ups of a sending IP
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * BbDomainStatus:
 * @BB_DOMAIN_STATUS_NOT_CHECKED: no look-up was made
 * @BB_DOMAIN_STATUS_OK: the domain has mail servers (MX)
 * @BB_DOMAIN_STATUS_NO_MX: no MX, but the name has an address: mail is
 *   tried there (often a web-only or parked domain)
 * @BB_DOMAIN_STATUS_NULL_MX: the domain says it takes no mail (RFC 7505)
 * @BB_DOMAIN_STATUS_NO_MAIL_SERVER: the domain exists but has neither MX
 *   nor address
 * @BB_DOMAIN_STATUS_NO_SUCH_DOMAIN: the domain does not exist
 * @BB_DOMAIN_STATUS_OFFLINE: no network, DNS unreachable or too slow:
 *   nothing can be said about the domain
 */
typedef enum
{
  BB_DOMAIN_STATUS_NOT_CHECKED,
  BB_DOMAIN_STATUS_OK,
  BB_DOMAIN_STATUS_NO_MX,
  BB_DOMAIN_STATUS_NULL_MX,
  BB_DOMAIN_STATUS_NO_MAIL_SERVER,
  BB_DOMAIN_STATUS_NO_SUCH_DOMAIN,
  BB_DOMAIN_STATUS_OFFLINE,
} BbDomainStatus;

const char *bb_domain_status_to_string (BbDomainStatus status);
const char *bb_domain_status_describe  (BbDomainStatus status);

/**
 * BbDomainReport:
 * @domain: the domain looked up (lower case)
 * @status: the verdict
 * @mx: (nullable) (array zero-terminated=1): the mail servers by
 *   preference (empty for none), or %NULL when not looked up
 * @error: (nullable): why nothing could be said (offline), translated
 */
typedef struct
{
  char          *domain;
  BbDomainStatus status;
  char         **mx;
  char          *error;
} BbDomainReport;

void bb_domain_report_free (BbDomainReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbDomainReport, bb_domain_report_free)

/* The well-known name whose look-up tells "no network" from "no such
 * domain" when a domain is not found. */
#define BB_DOMAIN_CHECK_CANARY "gmail.com"

void            bb_domain_check_async  (GResolver          *resolver,
                                        const char         *domain,
                                        const char         *canary,
                                        guint               timeout_ms,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
BbDomainReport *bb_domain_check_finish (GAsyncResult       *result,
                                        GError            **error);

/**
 * BbDnsblStatus:
 * @BB_DNSBL_CLEAN: the IP is not listed
 * @BB_DNSBL_LISTED: it is listed
 * @BB_DNSBL_UNKNOWN: no usable answer (error code, refused resolver,
 *   time-out, no network)
 */
typedef enum
{
  BB_DNSBL_CLEAN,
  BB_DNSBL_LISTED,
  BB_DNSBL_UNKNOWN,
} BbDnsblStatus;

const char *bb_dnsbl_status_to_string (BbDnsblStatus status);

/**
 * BbDnsblResult:
 * @list_id: the knowledge base's list (bb_blocklist_lookup())
 * @zone: the DNS zone asked
 * @status: the answer
 * @answer: (nullable): the address answered (127.0.0.x), or %NULL
 */
typedef struct
{
  const char   *list_id;
  const char   *zone;
  BbDnsblStatus status;
  char         *answer;
} BbDnsblResult;

void       bb_dnsbl_result_free (BbDnsblResult *result);

void       bb_dnsbl_check_async  (GResolver          *resolver,
                                  const char         *ip,
                                  guint               timeout_ms,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);
GPtrArray *bb_dnsbl_check_finish (GAsyncResult       *result,
                                  GError            **error);

G_END_DECLS
