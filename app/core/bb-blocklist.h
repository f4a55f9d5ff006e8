/* bb-blocklist.h - which blocklist a bounce names, what it listed, and
 * where to look it up
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BbBlocklistKind:
 * @BB_BLOCKLIST_IP: a public DNS list of sending IP addresses
 * @BB_BLOCKLIST_DOMAIN: a public DNS list of domains (in links, From, HELO)
 * @BB_BLOCKLIST_PRIVATE: a provider's or gateway's own reputation list,
 *   not queryable from outside
 */
typedef enum
{
  BB_BLOCKLIST_IP,
  BB_BLOCKLIST_DOMAIN,
  BB_BLOCKLIST_PRIVATE,
} BbBlocklistKind;

/**
 * BbBlocklist:
 * @id: machine name ("spamhaus-zen")
 * @name: display name ("Spamhaus ZEN"), not translated
 * @kind: what it lists
 * @zone: (nullable): the DNS zone to query for an IP list, or %NULL
 * @lookup_url: (nullable): the operator's own lookup or delisting page
 * @advice: untranslated msgid: what the rep can do (bb_kb_gettext())
 * @defunct: %TRUE for a list that no longer exists (SORBS since 2024):
 *   a bounce naming it comes from an outdated filter
 *
 * One entry of the knowledge base's table of lists (static data).
 */
typedef struct
{
  const char     *id;
  const char     *name;
  BbBlocklistKind kind;
  const char     *zone;
  const char     *lookup_url;
  const char     *advice;
  gboolean        defunct;
} BbBlocklist;

/**
 * BbBlocklistHit:
 * @list: the list named (static)
 * @listed: (nullable): the IP address or domain the bounce says is
 *   listed, or %NULL when it does not say
 * @url: (nullable): the lookup link the bounce itself gives for this list
 *   (shown, opened only on the user's click), or %NULL
 */
typedef struct
{
  const BbBlocklist *list;
  char              *listed;
  char              *url;
} BbBlocklistHit;

void               bb_blocklist_hit_free     (BbBlocklistHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbBlocklistHit, bb_blocklist_hit_free)

GPtrArray         *bb_blocklist_scan         (const char *text);
const BbBlocklist *bb_blocklist_get_all      (guint      *n_lists);
const BbBlocklist *bb_blocklist_lookup       (const char *id);
char              *bb_blocklist_find_ip      (const char *text,
                                              const char *exclude);
gboolean           bb_blocklist_ip_is_public (const char *ip);

G_END_DECLS
