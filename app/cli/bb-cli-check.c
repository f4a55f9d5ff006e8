/* bb-cli-check.c - bounceback-cli check-address
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Output contract (--json): one object with
 *   suggestion     the whole corrected address, or null
 *   mx             the mail servers found (by preference), or null when
 *                  not looked up
 *   domain_status  ok | no-mx | null-mx | no-mail-server | no-such-domain
 *                  | offline | not-checked
 *   contacts       the addresses found on the company's site (best
 *                  first), or null when not looked for
 *   error          null, or what went wrong, in the user's language
 * and, with --ip, "blocklists": [{"id","zone","status","answer"}].
 */

#include "config.h"

#include "bb-cli-check.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bb-blocklist.h"
#include "bb-contact-finder.h"
#include "bb-domain-check.h"
#include "bb-json.h"
#include "bb-static-resolver.h"
#include "bb-typo.h"

typedef struct
{
  BbDomainReport   *domain;
  BbContactsResult *contacts;
  GPtrArray        *dnsbl;
  GError           *domain_error;
  GError           *contacts_error;
  GError           *dnsbl_error;
  guint             pending;
} Check;

static void
domain_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Check *check = data;

  check->domain = bb_domain_check_finish (result, &check->domain_error);
  check->pending--;
  g_main_context_wakeup (NULL);
}

static void
contacts_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Check *check = data;

  check->contacts = bb_contacts_find_finish (result, &check->contacts_error);
  check->pending--;
  g_main_context_wakeup (NULL);
}

static void
dnsbl_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Check *check = data;

  check->dnsbl = bb_dnsbl_check_finish (result, &check->dnsbl_error);
  check->pending--;
  g_main_context_wakeup (NULL);
}

static char *
join_errors (Check *check)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (check->domain_error != NULL)
    g_ptr_array_add (parts, check->domain_error->message);
  else if (check->domain != NULL && check->domain->error != NULL)
    g_ptr_array_add (parts, check->domain->error);
  if (check->contacts_error != NULL)
    g_ptr_array_add (parts, check->contacts_error->message);
  else if (check->contacts != NULL && check->contacts->contacts->len == 0)
    for (guint i = 0; i < check->contacts->errors->len; i++)
      g_ptr_array_add (parts, g_ptr_array_index (check->contacts->errors, i));
  if (check->dnsbl_error != NULL)
    g_ptr_array_add (parts, check->dnsbl_error->message);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

static void
print_json (Check      *check,
            const char *suggestion,
            const char *error,
            gboolean    with_dnsbl)
{
  g_autoptr (GString) out = g_string_new ("{");
  g_autoptr (GStrvBuilder) contacts = g_strv_builder_new ();
  g_auto (GStrv) contact_list = NULL;
  const char *status = check->domain != NULL ? bb_domain_status_to_string (check->domain->status)
                                             : bb_domain_status_to_string (BB_DOMAIN_STATUS_NOT_CHECKED);

  bb_json_member_string (out, "suggestion", suggestion);
  bb_json_member_strv (out, "mx", check->domain != NULL ? (const char *const *) check->domain->mx : NULL);
  bb_json_member_string (out, "domain_status", status);
  if (check->contacts != NULL)
    {
      for (guint i = 0; i < check->contacts->contacts->len; i++)
        g_strv_builder_add (contacts, ((BbContact *) g_ptr_array_index (check->contacts->contacts, i))->address);
      contact_list = g_strv_builder_end (contacts);
    }
  bb_json_member_strv (out, "contacts", (const char *const *) contact_list);
  bb_json_member_string (out, "error", error);
  if (with_dnsbl)
    {
      bb_json_key (out, "blocklists");
      if (check->dnsbl == NULL)
        g_string_append (out, "null");
      else
        {
          g_string_append_c (out, '[');
          for (guint i = 0; i < check->dnsbl->len; i++)
            {
              BbDnsblResult *r = g_ptr_array_index (check->dnsbl, i);

              g_string_append (out, i > 0 ? ",{" : "{");
              bb_json_member_string (out, "id", r->list_id);
              bb_json_member_string (out, "zone", r->zone);
              bb_json_member_string (out, "status", bb_dnsbl_status_to_string (r->status));
              bb_json_member_string (out, "answer", r->answer);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
    }
  g_string_append (out, "}\n");
  fputs (out->str, stdout);
}

static void
print_text (Check      *check,
            const char *address,
            const char *suggestion,
            const char *error)
{
  g_print ("%s\n", address);
  if (suggestion != NULL)
    g_print ("  %s %s\n", _ ("Did you mean:"), suggestion);
  if (check->domain != NULL)
    {
      g_print ("  %s\n", bb_domain_status_describe (check->domain->status));
      for (guint i = 0; check->domain->mx != NULL && check->domain->mx[i] != NULL; i++)
        g_print ("    MX %s\n", check->domain->mx[i]);
    }
  else
    g_print ("  %s\n", _ ("Domain not checked (offline)."));
  if (check->contacts != NULL)
    {
      if (check->contacts->contacts->len == 0)
        g_print ("  %s\n", _ ("No addresses found on the web site."));
      else
        g_print ("  %s\n", _ ("Addresses on the web site:"));
      for (guint i = 0; i < check->contacts->contacts->len; i++)
        {
          BbContact *c = g_ptr_array_index (check->contacts->contacts, i);
          g_print ("    %s  (%s)\n", c->address, c->page);
        }
    }
  for (guint i = 0; check->dnsbl != NULL && i < check->dnsbl->len; i++)
    {
      BbDnsblResult *r = g_ptr_array_index (check->dnsbl, i);
      const BbBlocklist *list = bb_blocklist_lookup (r->list_id);

      g_print ("  %-40s %s\n", list != NULL ? list->name : r->zone,
               r->status == BB_DNSBL_LISTED  ? _ ("listed")
               : r->status == BB_DNSBL_CLEAN ? _ ("not listed")
                                             : _ ("unknown"));
    }
  if (error != NULL)
    g_print ("  %s %s\n", _ ("Error:"), error);
}

int
bb_cli_check_address (int    argc,
                      char **argv)
{
  gboolean json = FALSE;
  gboolean offline = FALSE;
  gboolean find_contacts = FALSE;
  g_autofree char *site = NULL;
  g_autofree char *ip = NULL;
  int      timeout = 5;
  g_auto (GStrv) rest = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("One JSON object"), NULL },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &offline, N_ ("No network at all: only the typo check"), NULL },
    { "contacts", 0, 0, G_OPTION_ARG_NONE, &find_contacts, N_ ("Look for other addresses on the company's web site"), NULL },
    { "site", 0, 0, G_OPTION_ARG_STRING, &site, N_ ("The company's web site (default: the address's domain)"), N_ ("URL") },
    { "ip", 0, 0, G_OPTION_ARG_STRING, &ip, N_ ("Also look up this sending IP on the public blocklists"), N_ ("IP") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_ ("Seconds to wait for each DNS answer (default 5)"), N_ ("S") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_ ("ADDRESS") },
    { NULL },
  };
  g_autofree char *address = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *problem = NULL;
  g_autoptr (GResolver) resolver = NULL;
  const char *at;
  Check       check = { 0 };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _ ("Check an address: typo, the domain's mail servers and, on request, "
                                            "other addresses on the company's web site."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bounceback-cli check-address: %s\n", error->message);
      return 2;
    }
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    {
      g_printerr ("%s\n", _ ("bounceback-cli check-address: give one address."));
      return 2;
    }
  if (offline && (find_contacts || ip != NULL))
    {
      g_printerr ("%s\n", _ ("bounceback-cli check-address: --offline does no network: it cannot go with --contacts or --ip."));
      return 2;
    }

  /* full-width forms first, then everything else */
  address = bb_typo_normalize_address (rest[0]);
  at = address != NULL ? strrchr (address, '@') : NULL;
  if (at == NULL || at == address || at[1] == '\0')
    {
      problem = g_strdup_printf (_ ("“%s” is not an email address."), rest[0]);
      if (json)
        print_json (&check, NULL, problem, FALSE);
      else
        g_printerr ("bounceback-cli check-address: %s\n", problem);
      return 1;
    }
  suggestion = bb_typo_suggest_address (address);
  if (suggestion != NULL && strcmp (suggestion, address) == 0)
    g_clear_pointer (&suggestion, g_free);

  if (!offline)
    {
      resolver = bb_resolver_for_environment (&error);
      if (resolver == NULL)
        {
          g_printerr ("bounceback-cli check-address: %s\n", error->message);
          return 2;
        }
      check.pending++;
      bb_domain_check_async (resolver, at + 1, NULL, (guint) MAX (timeout, 1) * 1000, NULL, domain_cb, &check);
      if (find_contacts)
        {
          check.pending++;
          bb_contacts_find_async (NULL, site, at + 1, 0, NULL, contacts_cb, &check);
        }
      if (ip != NULL)
        {
          check.pending++;
          bb_dnsbl_check_async (resolver, ip, (guint) MAX (timeout, 1) * 1000, NULL, dnsbl_cb, &check);
        }
      while (check.pending > 0)
        g_main_context_iteration (NULL, TRUE);
    }

  problem = join_errors (&check);
  if (json)
    print_json (&check, suggestion, problem, ip != NULL);
  else
    print_text (&check, address, suggestion, problem);

  bb_domain_report_free (check.domain);
  bb_contacts_result_free (check.contacts);
  g_clear_pointer (&check.dnsbl, g_ptr_array_unref);
  g_clear_error (&check.domain_error);
  g_clear_error (&check.contacts_error);
  g_clear_error (&check.dnsbl_error);
  return 0;
}
