/* bb-domain-check.c - does a domain take mail? MX and address look-ups,
 * told apart from "no network"; blocklist look-ups of a sending IP
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-domain-check.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bb-blocklist.h"
#include "bb-net-private.h"

const char *
bb_domain_status_to_string (BbDomainStatus status)
{
  switch (status)
    {
    case BB_DOMAIN_STATUS_OK:
      return "ok";
    case BB_DOMAIN_STATUS_NO_MX:
      return "no-mx";
    case BB_DOMAIN_STATUS_NULL_MX:
      return "null-mx";
    case BB_DOMAIN_STATUS_NO_MAIL_SERVER:
      return "no-mail-server";
    case BB_DOMAIN_STATUS_NO_SUCH_DOMAIN:
      return "no-such-domain";
    case BB_DOMAIN_STATUS_OFFLINE:
      return "offline";
    case BB_DOMAIN_STATUS_NOT_CHECKED:
    default:
      return "not-checked";
    }
}

/**
 * bb_domain_status_describe:
 *
 * Returns: the verdict in plain words, translated
 */
const char *
bb_domain_status_describe (BbDomainStatus status)
{
  switch (status)
    {
    case BB_DOMAIN_STATUS_OK:
      return _ ("The domain has mail servers: it can receive email.");
    case BB_DOMAIN_STATUS_NO_MX:
      return _ ("The domain has no mail server of its own, only a web address: it is probably a website or a parked domain that takes no email.");
    case BB_DOMAIN_STATUS_NULL_MX:
      return _ ("The domain says plainly that it accepts no email (a “null MX”).");
    case BB_DOMAIN_STATUS_NO_MAIL_SERVER:
      return _ ("The domain exists but has no mail server: nobody can receive email there.");
    case BB_DOMAIN_STATUS_NO_SUCH_DOMAIN:
      return _ ("This domain does not exist: the address is misspelt, or the company's domain has expired.");
    case BB_DOMAIN_STATUS_OFFLINE:
      return _ ("No network, or the DNS servers do not answer: nothing can be said about the domain now.");
    case BB_DOMAIN_STATUS_NOT_CHECKED:
    default:
      return _ ("Not checked.");
    }
}

void
bb_domain_report_free (BbDomainReport *report)
{
  if (report == NULL)
    return;
  g_free (report->domain);
  g_strfreev (report->mx);
  g_free (report->error);
  g_free (report);
}

/* ---- the domain check ---- */

typedef enum
{
  LOOKUP_MX,
  LOOKUP_NS,
  LOOKUP_ADDRESS,
} LookupKind;

typedef struct
{
  GResolver      *resolver;
  char           *canary;
  char           *ascii; /* the domain as looked up */
  guint           timeout_ms;
  BbDomainReport *report;
  BbNetLimit      limit;
} DomainCheck;

static void
domain_check_free (gpointer data)
{
  DomainCheck *check = data;

  _bb_net_limit_stop (&check->limit);
  g_clear_object (&check->resolver);
  g_free (check->canary);
  g_free (check->ascii);
  bb_domain_report_free (check->report);
  g_free (check);
}

static void step_lookup (GTask     *task,
                         LookupKind kind,
                         const char *name);

static void
finish_offline (GTask      *task,
                const char *detail)
{
  DomainCheck *check = g_task_get_task_data (task);
  BbDomainReport *report = g_steal_pointer (&check->report);

  report->status = BB_DOMAIN_STATUS_OFFLINE;
  g_clear_pointer (&report->mx, g_strfreev);
  g_free (report->error);
  report->error = g_strdup (detail);
  g_task_return_pointer (task, report, (GDestroyNotify) bb_domain_report_free);
}

static void
finish_with (GTask         *task,
             BbDomainStatus status)
{
  DomainCheck    *check = g_task_get_task_data (task);
  BbDomainReport *report = g_steal_pointer (&check->report);

  report->status = status;
  if (report->mx == NULL)
    report->mx = g_new0 (char *, 1);
  g_task_return_pointer (task, report, (GDestroyNotify) bb_domain_report_free);
}

static int
compare_mx (gconstpointer a,
            gconstpointer b)
{
  guint16 pa;
  guint16 pb;
  const char *ha;
  const char *hb;

  g_variant_get (*(GVariant **) a, "(q&s)", &pa, &ha);
  g_variant_get (*(GVariant **) b, "(q&s)", &pb, &hb);
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return g_ascii_strcasecmp (ha, hb);
}

/* Records found for the domain: its mail servers, or its null MX. */
static void
take_mx (GTask *task,
         GList *records)
{
  DomainCheck *check = g_task_get_task_data (task);
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) hosts = g_strv_builder_new ();
  gboolean null_mx = FALSE;

  for (GList *l = records; l != NULL; l = l->next)
    if (g_variant_is_of_type (l->data, G_VARIANT_TYPE ("(qs)")))
      g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_mx);
  for (guint i = 0; i < sorted->len; i++)
    {
      guint16     preference;
      const char *host;
      g_autofree char *lower = NULL;

      g_variant_get (g_ptr_array_index (sorted, i), "(q&s)", &preference, &host);
      lower = g_ascii_strdown (host, -1);
      if (g_str_has_suffix (lower, ".") && lower[1] != '\0')
        lower[strlen (lower) - 1] = '\0';
      /* RFC 7505: a single MX "." of preference 0 */
      if (*lower == '\0' || strcmp (lower, ".") == 0)
        {
          null_mx = TRUE;
          continue;
        }
      g_strv_builder_add (hosts, lower);
    }
  check->report->mx = g_strv_builder_end (hosts);
  finish_with (task, null_mx && check->report->mx[0] == NULL ? BB_DOMAIN_STATUS_NULL_MX
                     : check->report->mx[0] != NULL          ? BB_DOMAIN_STATUS_OK
                                                             : BB_DOMAIN_STATUS_NO_MAIL_SERVER);
}

typedef struct
{
  GTask     *task;
  LookupKind kind;
  gboolean   canary;
} LookupCall;

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  LookupCall  *call = data;
  g_autoptr (GTask) task = call->task;
  DomainCheck *check = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GList       *records = NULL;
  GList       *addresses = NULL;
  gboolean     found;
  gboolean     timed_out = check->limit.timed_out;
  LookupKind   kind = call->kind;
  gboolean     canary = call->canary;

  g_free (call);
  if (kind == LOOKUP_ADDRESS)
    addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (source), result, &error);
  else
    records = g_resolver_lookup_records_finish (G_RESOLVER (source), result, &error);
  found = error == NULL;
  _bb_net_limit_stop (&check->limit);

  if (g_task_return_error_if_cancelled (task))
    goto out;
  if (error != NULL && timed_out)
    {
      guint            seconds = (check->timeout_ms + 999) / 1000;
      g_autofree char *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The DNS servers did not answer within %u second.",
                                                              "The DNS servers did not answer within %u seconds.", seconds),
                                                 seconds);
      finish_offline (task, detail);
      goto out;
    }
  if (error != NULL && !g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    {
      /* temporary failure, no server reachable, … */
      g_autofree char *detail = g_strdup_printf (_ ("The domain could not be looked up: %s"), error->message);
      finish_offline (task, detail);
      goto out;
    }

  if (canary)
    {
      /* the well-known name resolves: the network works, the domain is
       * really not there */
      if (found)
        finish_with (task, BB_DOMAIN_STATUS_NO_SUCH_DOMAIN);
      else
        finish_offline (task, _ ("Even well-known domains cannot be looked up: the network or its DNS does not work."));
      goto out;
    }

  switch (kind)
    {
    case LOOKUP_MX:
      if (found && records != NULL)
        take_mx (task, records);
      else
        step_lookup (task, LOOKUP_ADDRESS, check->ascii);
      break;
    case LOOKUP_ADDRESS:
      if (found && addresses != NULL)
        finish_with (task, BB_DOMAIN_STATUS_NO_MX);
      else
        step_lookup (task, LOOKUP_NS, check->ascii);
      break;
    case LOOKUP_NS:
    default:
      if (found && records != NULL)
        finish_with (task, BB_DOMAIN_STATUS_NO_MAIL_SERVER);
      else
        {
          LookupCall *next = g_new0 (LookupCall, 1);

          /* Not found at all: a dead domain, or a resolver that answers
           * "not found" to everything because it cannot reach anyone. */
          next->task = g_object_ref (task);
          next->kind = LOOKUP_ADDRESS;
          next->canary = TRUE;
          _bb_net_limit_start (&check->limit, g_task_get_cancellable (task), check->timeout_ms);
          g_resolver_lookup_by_name_async (check->resolver, check->canary, check->limit.cancellable,
                                           lookup_done_cb, next);
        }
      break;
    }

out:
  g_list_free_full (records, (GDestroyNotify) g_variant_unref);
  g_resolver_free_addresses (addresses);
}

static void
step_lookup (GTask      *task,
             LookupKind  kind,
             const char *name)
{
  DomainCheck *check = g_task_get_task_data (task);
  LookupCall  *call = g_new0 (LookupCall, 1);

  call->task = g_object_ref (task);
  call->kind = kind;
  _bb_net_limit_start (&check->limit, g_task_get_cancellable (task), check->timeout_ms);
  if (kind == LOOKUP_ADDRESS)
    g_resolver_lookup_by_name_async (check->resolver, name, check->limit.cancellable, lookup_done_cb, call);
  else
    g_resolver_lookup_records_async (check->resolver, name,
                                     kind == LOOKUP_MX ? G_RESOLVER_RECORD_MX : G_RESOLVER_RECORD_NS,
                                     check->limit.cancellable, lookup_done_cb, call);
}

static gboolean
is_domain_name (const char *domain)
{
  gsize len = strlen (domain);

  if (len == 0 || len > 253 || strchr (domain, '.') == NULL || domain[0] == '.' || domain[0] == '-')
    return FALSE;
  for (const char *p = domain; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && !((guchar) *p & 0x80))
      return FALSE;
  return strstr (domain, "..") == NULL;
}

/**
 * bb_domain_check_async:
 * @resolver: (nullable): the resolver, or %NULL for g_resolver_get_default()
 * @domain: the domain of an address ("example.com")
 * @canary: (nullable): a well-known domain that always resolves when the
 *   network works, or %NULL for %BB_DOMAIN_CHECK_CANARY
 * @timeout_ms: the limit for each look-up (5000 is sensible)
 *
 * Looks up @domain's mail servers (MX), then, when it has none, its
 * address and its name servers, to tell a domain without mail from a
 * domain that does not exist.  Before calling a domain nonexistent, it
 * checks that @canary resolves: an offline resolver answers "not found"
 * to everything.  A resolver that fails or is too slow gives
 * %BB_DOMAIN_STATUS_OFFLINE, never a verdict on the domain.
 */
void
bb_domain_check_async (GResolver          *resolver,
                       const char         *domain,
                       const char         *canary,
                       guint               timeout_ms,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  DomainCheck *check;
  g_autofree char *lower = NULL;

  g_return_if_fail (resolver == NULL || G_IS_RESOLVER (resolver));
  g_return_if_fail (domain != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_domain_check_async);
  check = g_new0 (DomainCheck, 1);
  check->resolver = resolver != NULL ? g_object_ref (resolver) : g_resolver_get_default ();
  check->canary = g_strdup (canary != NULL ? canary : BB_DOMAIN_CHECK_CANARY);
  check->timeout_ms = timeout_ms > 0 ? timeout_ms : 5000;
  check->report = g_new0 (BbDomainReport, 1);
  lower = g_utf8_strdown (domain, -1);
  if (g_str_has_suffix (lower, ".") && lower[1] != '\0')
    lower[strlen (lower) - 1] = '\0';
  check->report->domain = g_steal_pointer (&lower);
  g_task_set_task_data (task, check, domain_check_free);

  /* internationalised names are looked up in their ASCII form */
  if (is_domain_name (check->report->domain))
    check->ascii = g_hostname_to_ascii (check->report->domain);
  if (check->ascii == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _ ("“%s” is not a domain name."), domain);
      return;
    }
  step_lookup (task, LOOKUP_MX, check->ascii);
}

/**
 * bb_domain_check_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set when
 *   cancelled or the domain is not a domain name
 */
BbDomainReport *
bb_domain_check_finish (GAsyncResult *result,
                        GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- blocklist look-ups ---- */

const char *
bb_dnsbl_status_to_string (BbDnsblStatus status)
{
  switch (status)
    {
    case BB_DNSBL_CLEAN:
      return "clean";
    case BB_DNSBL_LISTED:
      return "listed";
    case BB_DNSBL_UNKNOWN:
    default:
      return "unknown";
    }
}

void
bb_dnsbl_result_free (BbDnsblResult *result)
{
  if (result == NULL)
    return;
  g_free (result->answer);
  g_free (result);
}

typedef struct
{
  GResolver *resolver;
  GPtrArray *results; /* BbDnsblResult* */
  guint      pending;
  guint      timeout_ms;
} DnsblCheck;

static void
dnsbl_check_free (gpointer data)
{
  DnsblCheck *check = data;

  g_clear_object (&check->resolver);
  g_clear_pointer (&check->results, g_ptr_array_unref);
  g_free (check);
}

typedef struct
{
  GTask         *task;
  BbDnsblResult *result;
  BbNetLimit     limit;
} DnsblCall;

static void
dnsbl_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      data)
{
  DnsblCall  *call = data;
  GTask      *task = call->task;
  DnsblCheck *check = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GList      *addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (source), res, &error);

  _bb_net_limit_stop (&call->limit);
  if (error != NULL)
    call->result->status = g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ? BB_DNSBL_CLEAN
                                                                                                  : BB_DNSBL_UNKNOWN;
  else
    {
      g_autofree char *answer = addresses != NULL ? g_inet_address_to_string (addresses->data) : NULL;

      /* 127.0.0.x is a listing; 127.255.255.x is the list refusing to
       * answer (public resolver, too many queries): not a listing */
      call->result->answer = g_strdup (answer);
      if (answer != NULL && g_str_has_prefix (answer, "127.") && !g_str_has_prefix (answer, "127.255.255."))
        call->result->status = BB_DNSBL_LISTED;
      else
        call->result->status = BB_DNSBL_UNKNOWN;
    }
  g_resolver_free_addresses (addresses);
  g_free (call);

  if (--check->pending == 0)
    {
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_pointer (task, g_ptr_array_ref (check->results), (GDestroyNotify) g_ptr_array_unref);
    }
  g_object_unref (task);
}

/**
 * bb_dnsbl_check_async:
 * @resolver: (nullable): the resolver, or %NULL for the default one
 * @ip: a public IPv4 address (bb_blocklist_ip_is_public())
 * @timeout_ms: the limit for each look-up
 *
 * Asks every public IP blocklist of the knowledge base whether it lists
 * @ip, all at once.  An answer outside 127.0.0.0/8, or one of
 * Spamhaus's refusal codes 127.255.255.x, or a failed look-up, is
 * %BB_DNSBL_UNKNOWN, never "listed".
 */
void
bb_dnsbl_check_async (GResolver          *resolver,
                      const char         *ip,
                      guint               timeout_ms,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  DnsblCheck        *check;
  guint              n_lists = 0;
  const BbBlocklist *lists = bb_blocklist_get_all (&n_lists);
  g_auto (GStrv) octets = NULL;

  g_return_if_fail (ip != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_dnsbl_check_async);
  check = g_new0 (DnsblCheck, 1);
  check->resolver = resolver != NULL ? g_object_ref (resolver) : g_resolver_get_default ();
  check->results = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_dnsbl_result_free);
  check->timeout_ms = timeout_ms > 0 ? timeout_ms : 5000;
  g_task_set_task_data (task, check, dnsbl_check_free);

  if (!bb_blocklist_ip_is_public (ip))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _ ("“%s” is not a public IPv4 address: blocklists cannot list it."), ip);
      return;
    }
  octets = g_strsplit (ip, ".", 4);
  for (guint i = 0; i < n_lists; i++)
    {
      DnsblCall *call;
      g_autofree char *name = NULL;

      if (lists[i].zone == NULL || lists[i].kind != BB_BLOCKLIST_IP)
        continue;
      call = g_new0 (DnsblCall, 1);
      call->task = g_object_ref (task);
      call->result = g_new0 (BbDnsblResult, 1);
      call->result->list_id = lists[i].id;
      call->result->zone = lists[i].zone;
      call->result->status = BB_DNSBL_UNKNOWN;
      g_ptr_array_add (check->results, call->result);
      check->pending++;
      name = g_strdup_printf ("%s.%s.%s.%s.%s", octets[3], octets[2], octets[1], octets[0], lists[i].zone);
      _bb_net_limit_start (&call->limit, cancellable, check->timeout_ms);
      g_resolver_lookup_by_name_async (check->resolver, name, call->limit.cancellable, dnsbl_done_cb, call);
    }
  if (check->pending == 0)
    g_task_return_pointer (task, g_ptr_array_ref (check->results), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * bb_dnsbl_check_finish:
 *
 * Returns: (transfer full) (element-type BbDnsblResult): one result per
 *   list, or %NULL with @error set
 */
GPtrArray *
bb_dnsbl_check_finish (GAsyncResult *result,
                       GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
