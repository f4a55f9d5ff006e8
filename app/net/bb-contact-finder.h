/* bb-contact-finder.h - other addresses of a client's company, from its
 * own web site (on the user's request only)
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Limits: pages read in all, bytes per page, seconds per page,
 * redirects followed per page. */
#define BB_CONTACTS_MAX_PAGES     5
#define BB_CONTACTS_MAX_BYTES     (2 * 1024 * 1024)
#define BB_CONTACTS_TIMEOUT_S     10
#define BB_CONTACTS_MAX_REDIRECTS 5

/**
 * BbContact:
 * @address: the address, lower-case domain
 * @page: the page it was found on
 * @role: %TRUE for a role address (info@, sales@, contact@ …), which
 *   suits an alternate-contact draft best
 * @same_domain: %TRUE when it is at the client's mail domain or site
 */
typedef struct
{
  char    *address;
  char    *page;
  gboolean role;
  gboolean same_domain;
} BbContact;

/**
 * BbContactsResult:
 * @contacts: (element-type BbContact): best first
 * @pages: (element-type utf8): the pages read
 * @errors: (element-type utf8): what went wrong, page by page, translated
 */
typedef struct
{
  GPtrArray *contacts;
  GPtrArray *pages;
  GPtrArray *errors;
} BbContactsResult;

void bb_contacts_result_free (BbContactsResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbContactsResult, bb_contacts_result_free)

GPtrArray        *bb_contacts_extract       (const char   *html,
                                             gssize        length);
char             *bb_contacts_site_for      (const char   *mail_domain);

void              bb_contacts_find_async    (SoupSession        *session,
                                             const char         *site,
                                             const char         *mail_domain,
                                             guint               timeout_ms,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
BbContactsResult *bb_contacts_find_finish   (GAsyncResult       *result,
                                             GError            **error);
SoupSession      *bb_contacts_session_new   (void);

G_END_DECLS
