/* bb-analyze.c - turn the bytes of one message (or a pasted fragment) into
 * an explained diagnosis
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-analyze.h"
#include "bb-bounce-private.h"
#include "bb-classify.h"
#include "bb-content-hints-private.h"
#include "bb-core.h"
#include "bb-dsn.h"
#include "bb-gmime-private.h"
#include "bb-message.h"
#include "bb-provider.h"
#include "bb-recipient-private.h"
#include "bb-scan-zh.h"
#include "bb-scan.h"
#include "bb-text.h"
#include "bb-typo.h"
#include "bb-blocklist.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define BB_HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define BB_HAVE_LSAN 1
#endif
#endif
#ifdef BB_HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#define BB_LSAN_DISABLE() __lsan_disable ()
#define BB_LSAN_ENABLE() __lsan_enable ()
#else
#define BB_LSAN_DISABLE()
#define BB_LSAN_ENABLE()
#endif

/**
 * bb_core_init:
 *
 * Once per process, from main(): GMime's tables and the message catalogue.
 * BOUNCEBACK_LOCALEDIR lets tests and uninstalled runs find the build
 * tree's catalogues.
 */
void
bb_core_init (void)
{
  const char *localedir = g_getenv ("BOUNCEBACK_LOCALEDIR");

  /* GMime's type tables live as long as the process, and re-registering
   * message/rfc822 (bb_message_init()) orphans GMime's own 16-byte entry
   * for it: allocations a leak checker would report at exit, whose stacks
   * stop at g_malloc (GLib has no frame pointers) and so match no
   * suppression.  Tell it they are meant. */
  BB_LSAN_DISABLE ();
  g_mime_init ();
  bb_message_init ();
  BB_LSAN_ENABLE ();
  bb_text_pin_converters ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

typedef struct
{
  BbBounce      *bounce;
  BbMessage     *msg;  /* NULL for fragments */
  const char    *text; /* the notice's text */
  gsize          text_len;
  GPtrArray     *own;     /* the rep's addresses: not recipients */
  char          *forwarded_from; /* who wrote what a colleague forwarded */
  gboolean       forwarded;      /* the text quotes a forwarded message */
  gboolean       signals; /* the notice says it is about a failure */
  gboolean       autoreply;
  gboolean       not_bounce; /* the notice says what it is, and it is no failure */
  BbAnalyzeFlags flags;
  BbOriginal    *original; /* borrowed */
  BbOriginal    *original_owned;
} Analysis;

static gboolean
ci_contains (const char *haystack,
             const char *needle)
{
  return haystack != NULL && bb_text_find_ci (haystack, needle) != NULL;
}

static gboolean
ci_contains_any (const char        *haystack,
                 const char *const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (ci_contains (haystack, needles[i]))
      return TRUE;
  return FALSE;
}

static const char *const daemon_senders[] = {
  "mailer-daemon",
  "postmaster",
  "post_master",
  "post-master",
  "mail delivery",
  "mail administrator",
  "mailadmin",
  "delivery subsystem",
  "mail system",
  "mailer daemon",
  "mdaemon",
  "bounce",
  "double-bounce",
  "mail.delivery",
  "deliverystatus",
  "microsoftexchange",
  "no-reply@mailsupport.aliyun.com",
  "系统",
  "postoffice",
  "mailerdaemon",
  "returned",
  NULL,
};

static const char *const bounce_subjects[] = {
  "undeliver",
  "undelivered",
  "delivery status notification",
  "failure notice",
  "returned mail",
  "delivery failure",
  "delivery failed",
  "failed delivery",
  "mail delivery failed",
  "could not be delivered",
  "non-deliverable",
  "nondeliverable",
  "non deliverable",
  "delivery notification",
  "mail system error",
  "returned to sender",
  "not delivered",
  "delivery problem",
  "unzustellbar",
  "non remis",
  "onbestelbaar",
  "non recapitabile",
  "no se puede entregar",
  "unable to deliver",
  "warning: could not send",
  "delayed mail",
  "delivery delayed",
  "delivery has failed",
  "rejected",
  "mail failure",
  "message failure",
  "bounce",
  "error sending",
  "mail error",
  "couldn't be delivered",
  "was not delivered",
  "delivery report",
  "系统退信",
  "退信",
  "投递失败",
  "发送失败",
  "未送达",
  "无法投递",
  "mail could not",
  "returned message",
  "notification",
  "nicht zustellbar",
  "delivery error",
  "error delivering",
  "failed to deliver",
  NULL,
};

/* System notices about the sender's own actions that are not failures
 * of delivery: a recall that did not work, … */
static const char *const not_bounce_subjects[] = {
  "撤回邮件失败",
  "撤回失败",
  "recall failed",
  "recall failure",
  NULL,
};

static const char *const autoreply_subjects[] = {
  "auto:",
  "automatic reply",
  "autoreply",
  "auto-reply",
  "auto reply",
  "out of office",
  "out of the office",
  "away from",
  "on vacation",
  "vacation",
  "autoresponse",
  "auto-response",
  "automatische antwort",
  "abwesenheit",
  "réponse automatique",
  "respuesta automática",
  "risposta automatica",
  "自动回复",
  "自動回覆",
  "自动答复",
  "休假",
  "away until",
  "i am away",
  "i'm away",
  "not in the office",
  "out of the office",
  "fuera de la oficina",
  "absence",
  "congés",
  NULL,
};

/* Sentences only failure notices write. */
static const char *const bounce_phrases[] = {
  "could not be delivered",
  "couldn't be delivered",
  "undeliverable",
  "delivery has failed",
  "delivery failed",
  "failed permanently",
  "permanent error",
  "does not like recipient",
  "was not delivered",
  "wasn't delivered",
  "returned mail",
  "mail delivery failed",
  "invalid user address",
  "unable to deliver",
  "delivery to the following",
  "not be delivered",
  "permanent fatal errors",
  "message could not be delivered",
  "退信",
  "无法投递",
  "投递失败",
  "无法送达",
  "被退回",
  "无法发送到",
  "送信できません",
  "could not deliver",
  "delivery problem",
  "delivery error",
  "message not delivered",
  "failed to deliver",
  "was automatically rejected",
  "considered unsolicited bulk",
  NULL,
};

static char *
address_of (InternetAddressList *list,
            guint               *count)
{
  char *first = NULL;
  int   n = list != NULL ? internet_address_list_length (list) : 0;

  if (count != NULL)
    *count = 0;
  for (int i = 0; i < n; i++)
    {
      InternetAddress *ia = internet_address_list_get_address (list, i);

      if (INTERNET_ADDRESS_IS_MAILBOX (ia))
        {
          const char *addr = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (ia));

          if (addr != NULL && strchr (addr, '@') != NULL)
            {
              if (count != NULL)
                (*count)++;
              if (first == NULL)
                first = g_strdup (addr);
            }
        }
    }
  return first;
}

static void
add_own_addresses (Analysis            *a,
                   InternetAddressList *list)
{
  int n = list != NULL ? internet_address_list_length (list) : 0;

  for (int i = 0; i < n; i++)
    {
      InternetAddress *ia = internet_address_list_get_address (list, i);

      if (INTERNET_ADDRESS_IS_MAILBOX (ia))
        {
          const char *addr = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (ia));

          if (addr != NULL && strchr (addr, '@') != NULL)
            g_ptr_array_add (a->own, g_strdup (addr));
        }
    }
}

static gboolean
is_own (Analysis   *a,
        const char *address)
{
  for (guint i = 0; i < a->own->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (a->own, i), address) == 0)
      return TRUE;
  return FALSE;
}

static const char *
domain_of (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL ? at + 1 : NULL;
}

/* The fields of a feedback report (RFC 5965), or of any "Name: value"
 * block: every value of @name, in order. */
static GPtrArray *
field_values (const char *text,
              const char *name)
{
  GPtrArray  *values = g_ptr_array_new_with_free_func (g_free);
  gsize       n = strlen (name);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *eol = strchr (p, '\n');

      if (g_ascii_strncasecmp (p, name, n) == 0 && p[n] == ':')
        {
          g_autofree char *line = g_strndup (p + n + 1, eol != NULL ? (gsize) (eol - p - n - 1) : strlen (p + n + 1));
          char            *address = bb_text_clean_address (line);

          if (address != NULL)
            g_ptr_array_add (values, address);
        }
      p = eol != NULL ? eol + 1 : NULL;
    }
  return values;
}

static BbRecipient *
add_recipient (Analysis   *a,
               const char *address)
{
  BbRecipient *r;

  for (guint i = 0; i < a->bounce->recipients->len; i++)
    {
      r = g_ptr_array_index (a->bounce->recipients, i);
      if (g_ascii_strcasecmp (r->address, address) == 0)
        return NULL;
    }
  r = _bb_recipient_new (address);
  g_ptr_array_add (a->bounce->recipients, r);
  return r;
}

static void
fill_from_diagnostic (BbRecipient *r)
{
  g_autofree char *status = NULL;
  g_autofree char *reply_code = NULL;
  g_autofree char *command = NULL;
  g_autofree char *remote = NULL;

  if (r->diagnostic == NULL)
    return;
  /* A local program's exit code ("X-Unix; 255") is no SMTP reply. */
  if (r->diagnostic_type != NULL && g_ascii_strcasecmp (r->diagnostic_type, "X-UNIX") == 0 &&
      strlen (r->diagnostic) < 8)
    return;
  bb_scan_diagnostic (r->diagnostic, &status, &reply_code, &command, &remote, NULL);
  /* The reply's own enhanced code is the remote server's word; the Status
   * field is the reporting server's summary of it and often coarser:
   * Postfix and NetEase write 5.0.0 when they have nothing better, queues
   * write 4.4.7 ("expired") over the last real reply.  Same class only. */
  if (status != NULL && (r->status == NULL || r->status[0] == status[0]))
    _bb_recipient_set (&r->status, status);
  if (r->reply_code == NULL)
    _bb_recipient_set (&r->reply_code, reply_code);
  if (r->smtp_command == NULL)
    _bb_recipient_set (&r->smtp_command, command);
  if (r->remote_mta == NULL)
    _bb_recipient_set (&r->remote_mta, remote);
}

static void
from_hit (BbRecipient     *r,
          const BbScanHit *hit)
{
  if (r->diagnostic == NULL || *r->diagnostic == '\0')
    _bb_recipient_set (&r->diagnostic, hit->diagnostic);
  if (r->status == NULL || (g_str_has_suffix (r->status, ".0.0") && hit->status != NULL &&
                            hit->status[0] == r->status[0]))
    _bb_recipient_set (&r->status, hit->status);
  if (r->reply_code == NULL)
    _bb_recipient_set (&r->reply_code, hit->reply_code);
  if (r->smtp_command == NULL)
    _bb_recipient_set (&r->smtp_command, hit->command);
  if (r->remote_mta == NULL)
    _bb_recipient_set (&r->remote_mta, hit->remote_mta);
}

static const BbScanHit *
hit_for (BbScanResult *scan,
         const char   *address)
{
  for (guint i = 0; scan != NULL && i < scan->hits->len; i++)
    {
      BbScanHit *hit = g_ptr_array_index (scan->hits, i);

      if (g_ascii_strcasecmp (hit->address, address) == 0)
        return hit;
    }
  return NULL;
}

/* PowerMTA classifies its own bounces; its published categories map onto
 * reasons directly. */
static const char *
category_reason (const char *category)
{
  static const struct
  {
    const char *category;
    const char *reason;
  } map[] = {
    { "bad-mailbox", "userunknown" },
    { "bad-domain", "hostunknown" },
    { "inactive-mailbox", "suspend" },
    { "quota-issues", "mailboxfull" },
    { "spam-related", "spamdetected" },
    { "policy-related", "policyviolation" },
    { "virus-related", "virusdetected" },
    { "message-expired", "expired" },
    { "no-answer-from-host", "networkerror" },
    { "routing-errors", "networkerror" },
    { "bad-connection", "networkerror" },
    { "content-related", "contenterror" },
    { "invalid-sender", "rejected" },
    { "relaying-issues", "norelaying" },
    { "bad-configuration", "systemerror" },
    { "protocol-errors", "syntaxerror" },
  };

  if (category == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (category, map[i].category) == 0)
      return map[i].reason;
  return NULL;
}

static void
recipients_from_dsn (Analysis     *a,
                     BbDsnReport  *report,
                     BbScanResult *scan)
{
  for (guint i = 0; i < report->recipients->len; i++)
    {
      BbDsnRecipient  *d = g_ptr_array_index (report->recipients, i);
      BbRecipient     *r = add_recipient (a, bb_dsn_recipient_address (d));
      const BbScanHit *hit;

      if (r == NULL)
        continue;
      r->from_dsn = TRUE;
      _bb_recipient_set (&r->reason_hint, category_reason (d->category));
      _bb_recipient_set (&r->status, d->status);
      _bb_recipient_set (&r->action, d->action);
      _bb_recipient_set (&r->diagnostic, d->diagnostic_code);
      _bb_recipient_set (&r->diagnostic_type, d->diagnostic_type);
      _bb_recipient_set (&r->remote_mta, d->remote_mta);
      _bb_recipient_set (&r->reporting_mta, report->reporting_mta);
      _bb_recipient_set (&r->date, d->last_attempt_date != NULL ? d->last_attempt_date
                                                                : report->arrival_date);
      fill_from_diagnostic (r);
      hit = hit_for (scan, r->address);
      if (hit == NULL && d->original_recipient != NULL)
        hit = hit_for (scan, d->original_recipient);
      if (hit == NULL && scan != NULL && scan->hits->len == 1 && report->recipients->len == 1)
        hit = g_ptr_array_index (scan->hits, 0);
      if (hit != NULL)
        from_hit (r, hit);
    }
}

static gboolean
text_has_failure_reply (const char *text)
{
  char        code[4];
  const char *p = text;
  const char *end = text + strlen (text);

  while ((p = bb_text_find_reply_code (p, end, code)) != NULL)
    {
      if (code[0] == '4' || code[0] == '5')
        return TRUE;
      p += 3;
    }
  return FALSE;
}

static void
recipients_from_scan (Analysis     *a,
                      BbScanResult *scan)
{
  for (guint i = 0; i < scan->hits->len; i++)
    {
      BbScanHit   *hit = g_ptr_array_index (scan->hits, i);
      BbRecipient *r = add_recipient (a, hit->address);

      if (r != NULL)
        from_hit (r, hit);
    }
  /* One recipient whose lines hold no reply, in a notice that quotes one
   * elsewhere ("Error message below: 550 …", then "RCPT TO: x"): the
   * notice's reply is about that recipient. */
  if (a->bounce->recipients->len == 1 && scan->notice != NULL &&
      text_has_failure_reply (scan->notice))
    {
      BbRecipient *r = g_ptr_array_index (a->bounce->recipients, 0);

      if (r->reply_code == NULL && r->status == NULL)
        {
          _bb_recipient_set (&r->diagnostic, scan->notice);
          fill_from_diagnostic (r);
        }
    }
}

/* No recipient was named where servers name them: fall back on the
 * headers that carry them, then on the original's To. */
static void
recipients_fallback (Analysis     *a,
                     BbScanResult *scan)
{
  const char *failed = a->msg != NULL ? bb_message_get_header (a->msg, "X-Failed-Recipients") : NULL;

  if (failed != NULL)
    {
      g_auto (GStrv) parts = g_strsplit_set (failed, ",; ", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *address = bb_text_clean_address (parts[i]);

          if (address != NULL)
            add_recipient (a, address);
        }
    }
  if (a->bounce->recipients->len == 0 && a->original != NULL)
    {
      InternetAddressList *to = bb_original_get_to (a->original);
      int                  n = to != NULL ? internet_address_list_length (to) : 0;

      for (int i = 0; i < n; i++)
        {
          InternetAddress *ia = internet_address_list_get_address (to, i);

          if (INTERNET_ADDRESS_IS_MAILBOX (ia))
            {
              const char *addr = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (ia));
              if (addr != NULL && strchr (addr, '@') != NULL && !is_own (a, addr))
                add_recipient (a, addr);
            }
        }
    }
  if (a->bounce->recipients->len == 0 && scan != NULL && scan->notice != NULL)
    {
      const char *p = scan->notice;
      const char *end = p + strlen (p);
      const char *at;
      char       *address;

      while ((address = bb_text_find_address (p, end, &at)) != NULL)
        {
          if (!is_own (a, address) && !ci_contains (address, "mailer-daemon") &&
              !ci_contains (address, "postmaster@"))
            {
              add_recipient (a, address);
              g_free (address);
              break;
            }
          p = at + strlen (address);
          g_free (address);
        }
    }
  for (guint i = 0; i < a->bounce->recipients->len; i++)
    {
      BbRecipient *r = g_ptr_array_index (a->bounce->recipients, i);

      if (r->diagnostic == NULL && scan != NULL && scan->notice != NULL)
        {
          /* The whole notice is the diagnostic: read its reply, if any. */
          _bb_recipient_set (&r->diagnostic, scan->notice);
          r->diagnostic_is_notice = TRUE;
          fill_from_diagnostic (r);
        }
    }
}

/* Where a returned original quoted in the text starts, given the line
 * that announces it: past that separator line (unless the original's
 * first header field stands on it) and the blank lines after it. */
static const char *
quoted_original_start (const char *at)
{
  const char *start = at;
  const char *colon = strchr (start, ':');
  const char *nl = strchr (start, '\n');

  if (!g_ascii_isalpha (*start) || colon == NULL || nl == NULL || colon > nl)
    start = nl != NULL ? nl + 1 : start + strlen (start);
  while (*start == '\n' || *start == '\r')
    start++;
  return start;
}

/* The returned original's text, for resend drafts: its body when it is
 * attached whole, else what follows the header block of a quoted one. */
static char *
original_text (Analysis     *a,
               BbScanResult *scan)
{
  const gsize max = 64 * 1024;

  if (a->msg != NULL && a->original == a->msg->original && !a->msg->original_headers_only)
    {
      GMimeObject *body = bb_original_get_body (a->original);
      return body != NULL ? bb_message_body_text (body, max) : NULL;
    }
  if (a->original == a->original_owned && scan->original_offset != G_MAXSIZE)
    {
      /* its header fields were read (else it would not be the original):
       * the text starts after them */
      const char      *start = quoted_original_start (a->text + scan->original_offset);
      const char      *blank = strstr (start, "\n\n");
      g_autofree char *body = NULL;

      if (blank == NULL)
        return NULL;
      body = g_strndup (blank + 2, MIN (strlen (blank + 2), max));
      return g_strdup (g_strstrip (body));
    }
  return NULL;
}

/* The header fields of a quoted original that the analysis reads. */
static char *
keep_original_headers (const char *block,
                       gsize       len,
                       gsize      *out_len)
{
  static const char *const wanted[] = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "reply-to",
    "sender",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "x-hmxmroriginalrecipient",
    NULL,
  };
  GString    *out = g_string_sized_new (MIN (len, 4096));
  const char *p = block;
  const char *end = block + len;
  gboolean    keeping = FALSE;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol != NULL ? eol + 1 : end;

      if (*p == ' ' || *p == '\t')
        {
          if (keeping)
            g_string_append_len (out, p, next - p);
        }
      else
        {
          const char *colon = memchr (p, ':', MIN ((gsize) (next - p), 64));

          keeping = FALSE;
          for (guint i = 0; colon != NULL && wanted[i] != NULL && !keeping; i++)
            keeping = strlen (wanted[i]) == (gsize) (colon - p) &&
                      g_ascii_strncasecmp (p, wanted[i], colon - p) == 0;
          if (keeping)
            g_string_append_len (out, p, next - p);
        }
      p = next;
    }
  g_string_append (out, "\n\n");
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static void
set_original (Analysis *a)
{
  BbBounce            *b = a->bounce;
  BbOriginal          *o = a->original;
  InternetAddressList *list;
  const char          *value;

  if (o == NULL)
    return;
  b->has_original = TRUE;
  value = bb_original_get_subject (o);
  b->original_subject = value != NULL ? g_strdup (value) : NULL;
  value = bb_original_get_header (o, "Date");
  b->original_date = value != NULL ? bb_text_collapse (value, -1) : NULL;
  value = bb_original_get_message_id (o);
  b->original_message_id = value != NULL ? g_strdup (value) : NULL;
  list = bb_original_get_from (o);
  if (list != NULL && internet_address_list_length (list) > 0)
    {
      InternetAddress *ia = internet_address_list_get_address (list, 0);
      if (INTERNET_ADDRESS_IS_MAILBOX (ia))
        b->original_from = _bb_mailbox_new (internet_address_get_name (ia),
                                            internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (ia)));
    }
  list = bb_original_get_to (o);
  for (int i = 0; list != NULL && i < internet_address_list_length (list); i++)
    {
      InternetAddress *ia = internet_address_list_get_address (list, i);
      if (INTERNET_ADDRESS_IS_MAILBOX (ia))
        g_ptr_array_add (b->original_to,
                         _bb_mailbox_new (internet_address_get_name (ia),
                                          internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (ia))));
    }
}

/* Attachments and size of the original: names and sizes only, nothing is
 * decoded (see bb_original_foreach_leaf()). */
static gboolean
add_attachment (const char *filename,
                const char *mime_type,
                gsize       size,
                gboolean    attachment,
                gpointer    data)
{
  BbBounce *b = data;

  if (b->attachments->len > 200)
    return FALSE;
  b->original_size += size;
  if (filename != NULL || attachment)
    {
      g_autofree char *lower = bb_text_ascii_lower (mime_type, -1);
      _bb_bounce_add_attachment (b, filename, lower, size);
    }
  return TRUE;
}

static void
analyze_sender (Analysis *a)
{
  BbBounce   *b = a->bounce;
  const char *address = NULL;

  if (b->original_from != NULL && b->original_from->address != NULL)
    address = b->original_from->address;
  else if (a->own->len > 0)
    address = g_ptr_array_index (a->own, 0);
  if (address == NULL)
    return;
  b->sender_address = g_strdup (address);
  if (domain_of (address) != NULL)
    b->sender_provider = bb_provider_for_domain (domain_of (address));
  if (b->sender_provider == NULL)
    b->sender_provider = bb_provider_company_server ();
}

/* Which provider's system wrote the notice: the hosts in its Received
 * headers ("by …") and its Message-ID. */
static const BbProvider *
notice_provider (BbMessage *message)
{
  g_autoptr (GPtrArray) received = bb_message_get_raw_values (message, "Received");
  const char *mid = bb_message_get_message_id (message);
  guint       seen = 0;

  /* The oldest Received headers (at the bottom) were written by the
   * system that generated the notice; newer ones by whoever carried it to
   * the rep.  Their raw values: nothing to decode in a Received header. */
  for (guint i = received->len; i > 0 && seen < 3; i--)
    {
      const char *value = g_ptr_array_index (received, i - 1);
      const char *by;

      seen++;
      for (by = strstr (value, "by "); by != NULL; by = strstr (by + 3, "by "))
        {
          char              host[256];
          gsize             k = 0;
          const char       *p = by + 3;
          const BbProvider *provider;

          while (*p == ' ')
            p++;
          while (k + 1 < sizeof host && (g_ascii_isalnum (*p) || *p == '.' || *p == '-'))
            host[k++] = *p++;
          host[k] = '\0';
          if (k > 3 && strchr (host, '.') != NULL && (provider = bb_provider_for_host (host)) != NULL)
            return provider;
        }
    }
  if (mid != NULL && strchr (mid, '@') != NULL)
    return bb_provider_for_host (strchr (mid, '@') + 1);
  return NULL;
}

/* For the classifier: looked up on first use only. */
const BbProvider *
_bb_bounce_get_notice_provider (BbBounce *self)
{
  if (!self->notice_provider_known && self->notice_message != NULL)
    self->notice_provider = notice_provider (self->notice_message);
  self->notice_provider_known = TRUE;
  return self->notice_provider;
}

static gboolean
all_actions (BbBounce    *b,
             const char **actions)
{
  if (b->recipients->len == 0)
    return FALSE;
  for (guint i = 0; i < b->recipients->len; i++)
    {
      BbRecipient *r = g_ptr_array_index (b->recipients, i);
      gboolean     ok = FALSE;

      for (guint k = 0; actions[k] != NULL; k++)
        if (r->action != NULL && strcmp (r->action, actions[k]) == 0)
          ok = TRUE;
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* A failure report keeps the failed recipients; successes mixed in go. */
static void
drop_successes (BbBounce *b)
{
  for (guint i = b->recipients->len; i > 0; i--)
    {
      BbRecipient *r = g_ptr_array_index (b->recipients, i - 1);


      if (r->action != NULL && (strcmp (r->action, "delivered") == 0 ||
                                strcmp (r->action, "relayed") == 0 ||
                                strcmp (r->action, "expanded") == 0))
        g_ptr_array_remove_index (b->recipients, i - 1);
    }
}

/* The IP of the receiving server, from "mx.example.com [192.0.2.1]". */
static char *
remote_ip (const char *remote_mta)
{
  const char *open = remote_mta != NULL ? strrchr (remote_mta, '[') : NULL;
  const char *close = open != NULL ? strchr (open, ']') : NULL;

  return close != NULL ? g_strndup (open + 1, close - open - 1) : NULL;
}

/* Which blocklists the server's words name, and the sender's IP they
 * give.  Only for refusals where a list can be the cause: elsewhere
 * "blacklist" means the recipient's own sender filter. */
static void
find_blocklists (BbRecipient *r,
                 BbOriginal  *original)
{
  g_autofree char *exclude = NULL;

  if (r->diagnostic == NULL)
    return;
  switch (r->category)
    {
    case BB_CATEGORY_REPUTATION:
    case BB_CATEGORY_CONTENT:
    case BB_CATEGORY_POLICY:
    case BB_CATEGORY_RATE_LIMITED:
    case BB_CATEGORY_AUTHENTICATION:
    case BB_CATEGORY_UNKNOWN:
      break;
    case BB_CATEGORY_ADDRESS:
    case BB_CATEGORY_DOMAIN:
    case BB_CATEGORY_MAILBOX:
    case BB_CATEGORY_TOO_BIG:
    case BB_CATEGORY_TEMPORARY:
    case BB_CATEGORY_NOT_BOUNCE:
    case BB_N_CATEGORIES:
    default:
      return;
    }
  exclude = remote_ip (r->remote_mta);
  g_ptr_array_set_size (r->blocklists, 0);
  {
    g_autoptr (GPtrArray) hits = bb_blocklist_scan (r->diagnostic);

    for (guint i = 0; i < hits->len; i++)
      g_ptr_array_add (r->blocklists, g_steal_pointer (&g_ptr_array_index (hits, i)));
    g_ptr_array_set_free_func (hits, NULL);
  }
  g_free (r->sending_ip);
  r->sending_ip = r->blocklists->len > 0 || r->category == BB_CATEGORY_REPUTATION
                    ? bb_blocklist_find_ip (r->diagnostic, exclude)
                    : NULL;
  /* Not in the refusal: the address the rep's own mail program sent from,
   * as the returned original records it (webmail and Outlook write
   * X-Originating-IP); filters that read the headers judge that one. */
  if (r->sending_ip == NULL && r->blocklists->len > 0 && original != NULL)
    {
      const char *header = bb_original_get_header (original, "X-Originating-IP");

      if (header != NULL)
        r->sending_ip = bb_blocklist_find_ip (header, exclude);
    }
  /* a list's IP is never the receiving server's */
  for (guint i = 0; i < r->blocklists->len; i++)
    {
      BbBlocklistHit *hit = g_ptr_array_index (r->blocklists, i);

      if (hit->list->kind != BB_BLOCKLIST_DOMAIN)
        {
          g_free (hit->listed);
          hit->listed = g_strdup (r->sending_ip);
        }
    }
}

static void
analyze (Analysis *a)
{
  BbBounce *b = a->bounce;
  g_autoptr (BbDsnReport) dsn = NULL;
  g_autoptr (BbScanResult) scan = NULL;
  g_autoptr (GPtrArray) exclude = g_ptr_array_new ();
  gboolean    feedback = FALSE;
  const char *jmrp = NULL;

  if (a->msg != NULL)
    {
      feedback = a->msg->feedback->len > 0 ||
                 (a->msg->report_type != NULL && strcmp (a->msg->report_type, "feedback-report") == 0);
      /* Microsoft's complaint reports (JMRP) are not ARF: the original
       * carries the complaining recipient in its own header. */
      if (!feedback && a->msg->original != NULL)
        {
          jmrp = bb_original_get_header (a->msg->original, "X-HmXmrOriginalRecipient");
          feedback = jmrp != NULL;
        }
      if (a->msg->dsn->len > 0)
        dsn = bb_dsn_parse (a->msg->dsn->str, a->msg->dsn->len);
    }

  if (a->original != NULL)
    add_own_addresses (a, bb_original_get_from (a->original));
  for (guint i = 0; i < a->own->len; i++)
    g_ptr_array_add (exclude, g_ptr_array_index (a->own, i));
  g_ptr_array_add (exclude, NULL);
  scan = bb_scan_text (a->text, a->text_len, (const char *const *) exclude->pdata);
  /* Chinese providers' own templates: the remote server's words, not the
   * friendly sentence, decide. */
  {
    BbScanResult zh = { 0 };
    const char  *provider;

    zh.hits = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_scan_hit_free);
    provider = bb_scan_zh (a->text, a->text_len, &zh);
    if (provider != NULL && zh.hits->len > 0)
      {
        /* Exmail and NetEase share their template with QQ Mail and
         * Coremail: the notice's own sender tells them apart. */
        const char *from = b->from != NULL ? strrchr (b->from, '@') : NULL;

        if (strcmp (provider, "tencent") == 0 && from != NULL && !ci_contains (from, "@qq.com") &&
            !ci_contains (from, "@foxmail.com") && !ci_contains (from, "@vip.qq.com"))
          provider = "exmail";
        else if (strcmp (provider, "coremail") == 0 && from != NULL &&
                 (ci_contains (from, "@163.com") || ci_contains (from, "@126.com") ||
                  ci_contains (from, "@yeah.net")))
          provider = "netease";
        g_ptr_array_unref (scan->hits);
        scan->hits = g_steal_pointer (&zh.hits);
        a->signals = TRUE;
        g_free (b->format);
        b->format = g_strdup (provider);
      }
    g_clear_pointer (&zh.hits, g_ptr_array_unref);
    g_free (zh.notice);
  }
  /* A notice from a mail system that signs with a person's name and an
   * ordinary subject ("Re: …") still reads like one. */
  if (!a->signals && !a->autoreply && !a->not_bounce && scan->hits->len > 0 &&
      ci_contains_any (scan->notice, bounce_phrases))
    a->signals = TRUE;

  /* A pasted notice, or one whose report travels as plain text: read the
   * delivery-status fields out of the text itself. */
  if ((dsn == NULL || dsn->recipients->len == 0) &&
      (ci_contains (a->text, "final-recipient:") || ci_contains (a->text, "original-recipient:")))
    {
      gsize len = MIN (a->text_len, scan->original_offset);
      g_clear_pointer (&dsn, bb_dsn_report_free);
      dsn = bb_dsn_parse (a->text, len);
    }

  /* The returned original, when it sits in the text (no MIME part). */
  if (a->original == NULL && scan->original_offset != G_MAXSIZE)
    {
      const char *start = quoted_original_start (a->text + scan->original_offset);

      if (*start != '\0')
        {
          /* Only the header fields read from it: the classifier reads
           * nothing else, and returned originals can be large (and carry
           * dozens of Received lines). */
          const char      *blank = strstr (start, "\n\n");
          gsize            olen = blank != NULL ? (gsize) (blank + 2 - start) : strlen (start);
          g_autofree char *kept = keep_original_headers (start, olen, &olen);

          a->original_owned = bb_original_new (kept, olen, TRUE);
          if (bb_original_get_subject (a->original_owned) != NULL ||
              bb_original_get_message_id (a->original_owned) != NULL ||
              internet_address_list_length (bb_original_get_from (a->original_owned)) > 0)
            a->original = a->original_owned;
        }
    }
  if (a->original == a->original_owned && a->original != NULL)
    {
      /* Now that the original's sender is known, it is no recipient. */
      add_own_addresses (a, bb_original_get_from (a->original));
      for (guint i = scan->hits->len; i > 0 && scan->hits->len > 1; i--)
        {
          BbScanHit *hit = g_ptr_array_index (scan->hits, i - 1);
          if (is_own (a, hit->address))
            g_ptr_array_remove_index (scan->hits, i - 1);
        }
    }
  if (a->original != NULL)
    {
      set_original (a);
      if (a->flags & BB_ANALYZE_ORIGINAL_TEXT)
        b->original_text = original_text (a, scan);
      if (a->msg != NULL && a->original == a->msg->original && !a->msg->original_headers_only)
        {
          gsize size = 0;

          if (bb_original_get_single_part (a->original, &size))
            b->original_size = size;
          else
            bb_original_foreach_leaf (a->original, add_attachment, b);
        }
    }

  if (feedback)
    {
      g_autoptr (GPtrArray) rcpts = field_values (a->msg->feedback->str, "Original-Rcpt-To");

      b->kind = BB_KIND_FEEDBACK;
      g_free (b->format);
      b->format = g_strdup ("arf");
      if (rcpts->len == 0)
        {
          g_ptr_array_unref (rcpts);
          rcpts = field_values (a->msg->feedback->str, "Removal-Recipient");
        }
      if (rcpts->len == 0 && jmrp != NULL)
        {
          char *address = bb_text_clean_address (jmrp);
          if (address != NULL)
            g_ptr_array_add (rcpts, address);
        }
      for (guint i = 0; i < rcpts->len; i++)
        {
          BbRecipient *r = add_recipient (a, g_ptr_array_index (rcpts, i));
          if (r != NULL)
            _bb_recipient_set (&r->reason_hint, "feedback");
        }
      if (b->recipients->len == 0 && a->original != NULL)
        {
          guint            n = 0;
          g_autofree char *to = address_of (bb_original_get_to (a->original), &n);
          BbRecipient     *r = to != NULL ? add_recipient (a, to) : NULL;
          if (r != NULL)
            _bb_recipient_set (&r->reason_hint, "feedback");
        }
    }
  else if (a->not_bounce)
    b->kind = BB_KIND_NOT_BOUNCE;
  else if (dsn != NULL && dsn->recipients->len > 0)
    {
      static const char *delivered[] = { "delivered", "relayed", "expanded", NULL };
      static const char *delayed[] = { "delayed", NULL };

      recipients_from_dsn (a, dsn, scan);
      if (b->format == NULL)
        b->format = g_strdup ("rfc3464");
      if (all_actions (b, delivered))
        b->kind = BB_KIND_DELIVERED;
      else if (all_actions (b, delayed))
        b->kind = BB_KIND_DELAYED;
      else
        {
          b->kind = BB_KIND_BOUNCE;
          drop_successes (b);
        }
    }
  else if (scan->hits->len > 0 && (a->signals || a->msg == NULL))
    {
      recipients_from_scan (a, scan);
      b->kind = BB_KIND_BOUNCE;
      if (b->format == NULL)
        b->format = g_strdup ("text");
    }
  else if (a->autoreply && a->msg != NULL)
    {
      guint            n = 0;
      g_autofree char *from = a->forwarded_from != NULL ? g_strdup (a->forwarded_from)
                                                        : address_of (bb_message_get_from (a->msg), &n);
      BbRecipient     *r = from != NULL ? add_recipient (a, from) : NULL;

      b->kind = BB_KIND_AUTOREPLY;
      b->format = g_strdup ("rfc3834");
      if (r != NULL)
        {
          _bb_recipient_set (&r->reason_hint, "vacation");
          _bb_recipient_set (&r->diagnostic, b->subject);
        }
    }
  else if (a->signals || (a->msg == NULL && text_has_failure_reply (a->text)))
    {
      recipients_fallback (a, scan);
      b->kind = BB_KIND_BOUNCE;
      if (b->format == NULL)
        b->format = g_strdup ("text");
    }
  else
    b->kind = BB_KIND_NOT_BOUNCE;

  if (b->kind == BB_KIND_BOUNCE && b->recipients->len == 0)
    recipients_fallback (a, scan);
  /* Pasted text that names no address ("550 5.2.2 Mailbox full", the
   * server's words copied from webmail), or a notice forwarded in the text
   * of a message, still gets its diagnosis: one recipient with no
   * address, read from the text. */
  if (b->kind == BB_KIND_BOUNCE && b->recipients->len == 0 && (a->msg == NULL || a->forwarded) &&
      scan->notice != NULL && *scan->notice != '\0')
    {
      BbRecipient *r = _bb_recipient_new ("");

      g_ptr_array_add (b->recipients, r);
      _bb_recipient_set (&r->diagnostic, scan->notice);
      r->diagnostic_is_notice = TRUE;
      fill_from_diagnostic (r);
    }

  analyze_sender (a);
  b->notice_message = a->msg;

  /* Gateways whose notices only ever report replies to RCPT TO. */
  if (a->msg != NULL && bb_message_has_header (a->msg, "X-NAI-Header"))
    for (guint i = 0; i < b->recipients->len; i++)
      {
        BbRecipient *r = g_ptr_array_index (b->recipients, i);
        if (r->smtp_command == NULL)
          _bb_recipient_set (&r->smtp_command, "RCPT");
      }

  for (guint i = 0; i < b->recipients->len; i++)
    {
      BbRecipient *r = g_ptr_array_index (b->recipients, i);

      if (r->date == NULL)
        _bb_recipient_set (&r->date, b->date);
      bb_classify_recipient (b, r, scan->notice);
      /* A misspelt domain shows as a wrong address or a dead domain, not
       * as a full mailbox or a blocked sender. */
      if ((b->kind == BB_KIND_BOUNCE || b->kind == BB_KIND_DELAYED) &&
          (r->category == BB_CATEGORY_ADDRESS || r->category == BB_CATEGORY_DOMAIN ||
           r->category == BB_CATEGORY_UNKNOWN || r->category == BB_CATEGORY_TEMPORARY))
        r->typo_suggestion = bb_typo_suggest_address (r->address);
      if (b->kind == BB_KIND_BOUNCE || b->kind == BB_KIND_DELAYED)
        find_blocklists (r, a->original);
    }
  if (b->kind != BB_KIND_BOUNCE)
    for (guint i = 0; i < b->recipients->len; i++)
      {
        BbRecipient *r = g_ptr_array_index (b->recipients, i);
        if (b->kind != BB_KIND_DELAYED)
          r->category = BB_CATEGORY_NOT_BOUNCE;
        if (b->kind != BB_KIND_DELAYED || r->category == BB_CATEGORY_UNKNOWN)
          r->side = BB_SIDE_NOBODY;
        r->urgency = BB_URGENCY_LOW;
      }

  b->notice_message = NULL;

  if (b->kind == BB_KIND_BOUNCE)
    {
      const char *quoted = scan->original_offset != G_MAXSIZE ? a->text + scan->original_offset : NULL;
      _bb_content_hints_compute (b, a->original, quoted);
    }
}

static char *
header_text (BbMessage  *message,
             const char *name)
{
  const char *value = bb_message_get_header (message, name);

  return value != NULL ? bb_text_collapse (value, -1) : NULL;
}

static gboolean
has_message_headers (BbMessage *message)
{
  static const char *const names[] = {
    "From",
    "To",
    "Subject",
    "Date",
    "Received",
    "Message-ID",
    "Return-Path",
    "MIME-Version",
    "Content-Type",
    "Delivered-To",
    "X-Failed-Recipients",
    "Reply-To",
    "Sender",
    NULL,
  };
  for (guint i = 0; names[i] != NULL; i++)
    if (bb_message_has_header (message, names[i]))
      return TRUE;
  return FALSE;
}

/* A multipart whose declared boundary never occurs (a broken or
 * hand-edited notice): GMime then sees no parts at all.  Find the boundary
 * the body really uses and return the message with the header fixed. */
static char *
fix_boundary (const char *data,
              gsize       len,
              BbMessage  *message,
              gsize      *out_len)
{
  GMimeObject      *body = message->body;
  GMimeContentType *ct;
  const char       *declared;
  const char       *prologue;
  const char       *p;
  const char       *at;
  g_autofree char  *real = NULL;
  GString          *out;

  if (body == NULL || !GMIME_IS_MULTIPART (body) ||
      g_mime_multipart_get_count (GMIME_MULTIPART (body)) > 0)
    return NULL;
  ct = g_mime_object_get_content_type (body);
  declared = ct != NULL ? g_mime_content_type_get_parameter (ct, "boundary") : NULL;
  prologue = g_mime_multipart_get_prologue (GMIME_MULTIPART (body));
  if (declared == NULL || *declared == '\0' || prologue == NULL)
    return NULL;
  for (p = prologue; p != NULL && *p != '\0'; p = strchr (p, '\n') != NULL ? strchr (p, '\n') + 1 : NULL)
    {
      if (p[0] == '-' && p[1] == '-' && p[2] != '\0' && p[2] != '-' && !g_ascii_isspace (p[2]))
        {
          const char *e = p + 2;

          while (*e != '\0' && !g_ascii_isspace (*e))
            e++;
          if (e - p - 2 < 200)
            real = g_strndup (p + 2, e - p - 2);
          break;
        }
    }
  if (real == NULL || strcmp (real, declared) == 0)
    return NULL;
  at = bb_text_memmem (data, len, declared);
  if (at == NULL)
    return NULL;
  out = g_string_sized_new (len + strlen (real));
  g_string_append_len (out, data, at - data);
  g_string_append (out, real);
  g_string_append_len (out, at + strlen (declared), len - (at + strlen (declared) - data));
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* First line "Name: value" (a header) or "From " (an mbox separator). */
static gboolean
looks_like_message (const char *data,
                    gsize       len)
{
  gsize i = 0;

  while (i < len && (data[i] == '\n' || data[i] == '\r'))
    i++;
  if (len - i >= 5 && memcmp (data + i, "From ", 5) == 0)
    return TRUE;
  for (gsize k = i; k < len && k < i + 80; k++)
    {
      char c = data[k];

      if (c == ':')
        return k > i;
      if (!(g_ascii_isalnum (c) || c == '-' || c == '_'))
        return FALSE;
    }
  return FALSE;
}

static void
analysis_clear (Analysis *a)
{
  g_clear_pointer (&a->msg, bb_message_free);
  g_clear_pointer (&a->own, g_ptr_array_unref);
  g_clear_pointer (&a->original_owned, bb_original_free);
  g_clear_pointer (&a->forwarded_from, g_free);
}

static void read_forwarded (Analysis *a, gboolean pasted);

static void
analyze_fragment (Analysis   *a,
                  const char *text,
                  gsize       len)
{
  a->text = text;
  a->text_len = len;
  /* Pasted text is a bounce when it reads like one: a failure reply or
   * the sentences only notices write. */
  a->signals = text_has_failure_reply (text) || ci_contains_any (text, bounce_phrases) ||
               bb_text_find_ci (text, "final-recipient:") != NULL;
  /* the text of a forwarded notice, copied whole: read it from below
   * the quoted header block */
  read_forwarded (a, TRUE);
  analyze (a);
  if (a->bounce->kind == BB_KIND_NOT_BOUNCE)
    {
      g_free (a->bounce->format);
      a->bounce->format = g_strdup ("fragment");
    }
}

static void
skip_mbox_from_line (const char **data,
                     gsize       *len)
{
  if (*len >= 5 && memcmp (*data, "From ", 5) == 0)
    {
      const char *nl = memchr (*data, '\n', *len);

      if (nl != NULL)
        {
          *len -= nl + 1 - *data;
          *data = nl + 1;
        }
    }
}

/**
 * bb_analyze_bytes:
 * @data: the raw bytes of one message, or of a pasted fragment of one
 * @source: a label for the result (usually the path as given)
 *
 * Returns: (transfer full): the analysis
 */
static BbBounce *analyze_bytes (GBytes *data, const char *source, BbAnalyzeFlags flags, guint depth);

BbBounce *
bb_analyze_bytes (GBytes     *data,
                  const char *source)
{
  g_return_val_if_fail (data != NULL, NULL);
  return analyze_bytes (data, source, BB_ANALYZE_DEFAULT, 0);
}

/**
 * bb_analyze_bytes_with_flags:
 *
 * As bb_analyze_bytes(), with options.
 *
 * Returns: (transfer full): the analysis
 */
BbBounce *
bb_analyze_bytes_with_flags (GBytes        *data,
                             const char    *source,
                             BbAnalyzeFlags flags)
{
  g_return_val_if_fail (data != NULL, NULL);
  return analyze_bytes (data, source, flags, 0);
}

/* Did the outer analysis find only guesses?  Then a bounce attached to
 * the message (a forwarded notice, or a notice wrapped by a gateway) is
 * the real report. */
static gboolean
weak_result (BbBounce *b)
{
  /* an automatic reply is no stronger: one forwarded by a colleague
   * ("Fwd: Out of office") reads as one, about the colleague */
  if (b->kind == BB_KIND_NOT_BOUNCE || b->kind == BB_KIND_AUTOREPLY)
    return TRUE;
  if (b->kind != BB_KIND_BOUNCE)
    return FALSE;
  for (guint i = 0; i < b->recipients->len; i++)
    {
      BbRecipient *r = g_ptr_array_index (b->recipients, i);

      if (r->status != NULL || r->reply_code != NULL || !r->diagnostic_is_notice)
        return FALSE;
    }
  return TRUE;
}

/* "Fwd: …", "FW: …", "转发: …": someone forwarded what follows. */
static gboolean
is_forward_subject (const char *subject)
{
  static const char *const prefixes[] = {
    "fwd:", "fw:", "fwd\xef\xbc\x9a", "fw\xef\xbc\x9a", "tr:", "wg:",
    "转发", "轉寄", "转寄", "轉發", NULL,
  };

  if (subject == NULL)
    return FALSE;
  while (*subject == ' ' || *subject == '[')
    subject++;
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (subject, prefixes[i], strlen (prefixes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* The value of @line when it is one of the fields @names ("From:",
 * "发件人：", "*From:*" as some programs quote it), else NULL. */
static const char *
quoted_field (const char        *line,
              const char *const *names)
{
  while (*line == ' ' || *line == '\t' || *line == '*' || *line == '>')
    line++;
  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize       n = strlen (names[i]);
      const char *p = line + n;

      if (g_ascii_strncasecmp (line, names[i], n) != 0)
        continue;
      while (*p == ' ' || *p == '*')
        p++;
      if (*p == ':')
        return p + 1;
      if (strncmp (p, "\xef\xbc\x9a", 3) == 0) /* full-width colon */
        return p + 3;
    }
  return NULL;
}

typedef struct
{
  char       *from;    /* the field's text */
  char       *subject;
  GPtrArray  *to;      /* addresses */
  const char *body;    /* what follows the header block */
  gboolean    near_top; /* within the first lines of the text */
} Forwarded;

static void
forwarded_clear (Forwarded *f)
{
  g_clear_pointer (&f->from, g_free);
  g_clear_pointer (&f->subject, g_free);
  g_clear_pointer (&f->to, g_ptr_array_unref);
}

/* A line that announces a forwarded message: "---------- Forwarded
 * message ---------", "-----Original Message-----", "Begin forwarded
 * message:", QQ Mail's "------ 原始邮件 ------", or a rule of dashes or
 * underscores (Outlook). */
static gboolean
is_forward_separator (const char *line)
{
  static const char *const marks[] = {
    "forwarded message", "original message", "begin forwarded", "forwarded by",
    "原始邮件", "转发邮件", "转发的邮件", "邮件原文", "原郵件", NULL,
  };
  gsize rule = 0, len = 0;

  for (const char *p = line; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      {
        len++;
        rule += *p == '-' || *p == '_' || *p == '=';
      }
  return (len >= 8 && rule == len) || ci_contains_any (line, marks);
}

/* The header block a mail program quotes above what it forwards:
 * "From: …", then "To:", "Subject:" and the like, up to a blank line.
 * It follows a separator line, or it starts the text (a colleague's note
 * of a few lines above it at most): a returned original's header block,
 * further down a notice, is no forward.  A From line with no Subject in
 * its block is something else too (qmail writes "From: <postmaster@…>
 * RCPT: …" in its notices). */
static void
find_forwarded (const char *text,
                Forwarded  *f)
{
  static const char *const from_names[] = { "from", "发件人", "寄件者", "寄件人", NULL };
  static const char *const to_names[] = { "to", "cc", "收件人", "抄送", "收件者", NULL };
  static const char *const subject_names[] = { "subject", "主题", "主旨", "主題", NULL };
  const char *p = text;
  gboolean    after_separator = FALSE;
  guint       filled = 0; /* non-blank lines so far */

  f->to = g_ptr_array_new_with_free_func (g_free);
  for (guint lines = 0; *p != '\0' && lines < 400; lines++)
    {
      const char      *eol = strchr (p, '\n');
      g_autofree char *line = eol != NULL ? g_strndup (p, eol - p) : g_strdup (p);
      const char      *value = quoted_field (line, from_names);
      const char      *q;
      gboolean         separated = after_separator;

      p = eol != NULL ? eol + 1 : p + strlen (p);
      g_strstrip (line);
      if (*line == '\0')
        continue;
      filled++;
      after_separator = is_forward_separator (line);
      if (value == NULL || (!separated && filled > 8))
        continue;
      /* the block below this From line */
      g_clear_pointer (&f->subject, g_free);
      g_ptr_array_set_size (f->to, 0);
      q = p;
      for (guint k = 0; *q != '\0' && k < 16; k++)
        {
          const char      *eol2 = strchr (q, '\n');
          g_autofree char *field = eol2 != NULL ? g_strndup (q, eol2 - q) : g_strdup (q);
          const char      *v;

          q = eol2 != NULL ? eol2 + 1 : q + strlen (q);
          g_strstrip (field);
          if (*field == '\0')
            break;
          if ((v = quoted_field (field, subject_names)) != NULL && f->subject == NULL)
            f->subject = bb_text_collapse (v, -1);
          else if ((v = quoted_field (field, to_names)) != NULL)
            {
              const char *end = v + strlen (v);
              const char *at;
              char       *address;

              while ((address = bb_text_find_address (v, end, &at)) != NULL)
                {
                  v = at + strlen (address);
                  g_ptr_array_add (f->to, address);
                }
            }
        }
      if (f->subject != NULL)
        {
          f->from = bb_text_collapse (value, -1);
          f->body = q;
          f->near_top = filled <= 8;
          return;
        }
    }
  g_ptr_array_set_size (f->to, 0);
}

/* A colleague forwarded the notice in the text of their message: what
 * the quoted header block says decides, not their own header fields.
 * The forwarded notice went to the rep (not a recipient); its sender and
 * subject say whether it is a notice or an automatic reply.  In @pasted
 * text, with no "Fwd:" subject to say it was forwarded, only a block near
 * the top whose sender is a mail system counts: further down, a notice's
 * returned original can look the same. */
static void
read_forwarded (Analysis *a,
                gboolean  pasted)
{
  Forwarded f = { 0 };

  find_forwarded (a->text, &f);
  if (f.from != NULL && (!pasted || (f.near_top && ci_contains_any (f.from, daemon_senders))))
    {
      gboolean notice = ci_contains_any (f.from, daemon_senders) || ci_contains_any (f.subject, bounce_subjects);
      gboolean autoreply = !notice && ci_contains_any (f.subject, autoreply_subjects);

      /* what was forwarded had been sent to the rep */
      if (notice || autoreply)
        for (guint i = 0; i < f.to->len; i++)
          g_ptr_array_add (a->own, g_strdup (g_ptr_array_index (f.to, i)));
      if (notice)
        {
          a->forwarded = TRUE;
          a->signals = TRUE;
          a->autoreply = FALSE;
          /* the notice is what follows: the colleague's own lines above
           * are not part of it, and the mark of a quoted message ("原始邮件",
           * "Original Message") is where the notice starts, not where a
           * returned original does */
          a->text_len -= f.body - a->text;
          a->text = f.body;
        }
      else if (autoreply)
        {
          const char *end = f.from + strlen (f.from);
          const char *at;

          a->autoreply = TRUE;
          a->signals = FALSE;
          a->forwarded_from = bb_text_find_address (f.from, end, &at);
        }
    }
  forwarded_clear (&f);
}

static gboolean
looks_like_notice (GMimeMessage *message)
{
  GMimeObject      *object = message != NULL ? GMIME_OBJECT (message) : NULL;
  GMimeContentType *ct;
  const char       *from;
  const char       *subject;

  if (object == NULL)
    return FALSE;
  /* a message's own Content-Type is its body's */
  ct = g_mime_message_get_mime_part (message) != NULL
         ? g_mime_object_get_content_type (g_mime_message_get_mime_part (message))
         : NULL;
  from = g_mime_object_get_header (object, "From");
  subject = g_mime_message_get_subject (message);
  return ci_contains_any (from, daemon_senders) || ci_contains_any (subject, bounce_subjects) ||
         (ct != NULL && g_mime_content_type_is_type (ct, "multipart", "report")) ||
         /* an automatic reply */
         ci_contains (g_mime_object_get_header (object, "Auto-Submitted"), "auto-replied") ||
         g_mime_object_get_header (object, "X-Autoreply") != NULL ||
         g_mime_object_get_header (object, "X-Autorespond") != NULL ||
         ci_contains_any (subject, autoreply_subjects);
}

static BbBounce *
analyze_bytes (GBytes        *data,
               const char    *source,
               BbAnalyzeFlags flags,
               guint          depth)
{
  BbBounce        *bounce = _bb_bounce_new (source);
  g_autofree char *normalized = NULL;
  g_autoptr (GBytes) whole = NULL;
  g_autofree char *fragment_text = NULL;
  Analysis         a = { 0 };
  const char      *bytes;
  gsize            len = 0;

  g_return_val_if_fail (data != NULL, bounce);

  bytes = g_bytes_get_data (data, &len);
  a.bounce = bounce;
  a.flags = flags;
  a.own = g_ptr_array_new_with_free_func (g_free);

  if (len == 0 || bytes == NULL)
    {
      bounce->kind = BB_KIND_UNREADABLE;
      bounce->error = g_strdup (_ ("The input is empty: there is no e-mail to read."));
      analysis_clear (&a);
      return bounce;
    }
  if (bb_text_looks_binary (bytes, len))
    {
      bounce->kind = BB_KIND_UNREADABLE;
      bounce->error = g_strdup (_ ("This is not an e-mail: the file holds binary data (an image, an archive or a document?)."));
      analysis_clear (&a);
      return bounce;
    }
  {
    gsize nlen = 0;

    normalized = bb_text_normalize_newlines (bytes, len, &nlen);
    if (normalized != NULL)
      {
        bytes = normalized;
        len = nlen;
        /* the parsed message keeps the buffer it reads from */
        whole = g_bytes_new_take (g_steal_pointer (&normalized), nlen);
      }
    else
      whole = g_bytes_ref (data);
  }
  skip_mbox_from_line (&bytes, &len);
  {
    gsize k = 0;

    while (k < len && g_ascii_isspace (bytes[k]))
      k++;
    if (k == len)
      {
        bounce->kind = BB_KIND_UNREADABLE;
        bounce->error = g_strdup (_ ("The input holds only blank space: there is no e-mail to read."));
        analysis_clear (&a);
        return bounce;
      }
  }

  if (looks_like_message (bytes, len))
    {
      BbMessage       *message;
      g_autofree char *fixed = NULL;
      gsize            fixed_len = 0;

      {
        gsize offset = bytes - (const char *) g_bytes_get_data (whole, NULL);
        g_autoptr (GBytes) window = g_bytes_new_from_bytes (whole, offset, len);

        message = bb_message_parse_gbytes (window, TRUE);
      }

      if (message != NULL && (fixed = fix_boundary (bytes, len, message, &fixed_len)) != NULL)
        {
          g_autoptr (GBytes) fixed_bytes = g_bytes_new_take (g_steal_pointer (&fixed), fixed_len);

          bb_message_free (message);
          message = bb_message_parse_gbytes (fixed_bytes, TRUE);
        }
      if (message != NULL && has_message_headers (message))
        {
          const char      *subject = bb_message_get_subject (message);
          g_autofree char *from = header_text (message, "From");
          g_autofree char *auto_submitted = header_text (message, "Auto-Submitted");
          gboolean         daemon;

          a.msg = message;
          bb_message_walk (message);
          a.text = a.msg->text->str;
          a.text_len = a.msg->text->len;
          a.original = a.msg->original;
          bounce->subject = subject != NULL ? g_strdup (subject) : NULL;
          bounce->from = g_steal_pointer (&from);
          bounce->date = header_text (message, "Date");
          add_own_addresses (&a, bb_message_get_to (message));
          {
            const char      *delivered_to = bb_message_get_header (message, "Delivered-To");
            g_autofree char *addr = delivered_to != NULL ? bb_text_clean_address (delivered_to) : NULL;
            if (addr != NULL)
              g_ptr_array_add (a.own, g_steal_pointer (&addr));
          }

          daemon = ci_contains_any (bounce->from, daemon_senders);
          a.signals = daemon || ci_contains_any (bounce->subject, bounce_subjects) ||
                      bb_message_has_header (message, "X-Failed-Recipients") ||
                      a.msg->dsn->len > 0 || a.msg->is_report;
          a.autoreply = !daemon && !a.msg->is_report &&
                        ((auto_submitted != NULL && ci_contains (auto_submitted, "auto-replied")) ||
                         bb_message_has_header (message, "X-Autoreply") ||
                         bb_message_has_header (message, "X-Autorespond") ||
                         ci_contains (bb_message_get_header (message, "Precedence"), "auto_reply") ||
                         ci_contains_any (bounce->subject, autoreply_subjects));
          if (a.autoreply && !ci_contains_any (bounce->subject, bounce_subjects))
            a.signals = FALSE;
          if (ci_contains_any (bounce->subject, not_bounce_subjects))
            {
              a.signals = FALSE;
              a.not_bounce = TRUE;
            }
          else if (!daemon && !a.msg->is_report && is_forward_subject (bounce->subject))
            read_forwarded (&a, FALSE);
          analyze (&a);
          if (depth == 0 && a.msg->original != NULL && !a.msg->original_headers_only &&
              weak_result (bounce) && looks_like_notice (bb_original_get_message (a.msg->original)))
            {
              g_autofree char *inner_text =
                g_mime_object_to_string (GMIME_OBJECT (bb_original_get_message (a.msg->original)), NULL);
              gsize            inner_len = strlen (inner_text);
              g_autoptr (GBytes) inner_bytes = g_bytes_new_take (g_steal_pointer (&inner_text), inner_len);
              BbBounce *inner = analyze_bytes (inner_bytes, source, flags, depth + 1);

              /* whatever the attached notice is (a bounce, a delay, a
               * complaint, an automatic reply), it says more than the
               * message that carries it */
              if (inner->kind != BB_KIND_NOT_BOUNCE && inner->kind != BB_KIND_UNREADABLE &&
                  inner->recipients->len > 0)
                {
                  g_object_unref (bounce);
                  bounce = inner;
                }
              else
                g_object_unref (inner);
            }
          analysis_clear (&a);
          return bounce;
        }
      g_clear_pointer (&message, bb_message_free);
    }

  /* A fragment: the text of a notice copied from webmail, or one line. */
  fragment_text = bb_text_to_utf8 (bytes, len, NULL);
  analyze_fragment (&a, fragment_text, strlen (fragment_text));
  analysis_clear (&a);
  return bounce;
}

/**
 * bb_analyze_text:
 * @text: UTF-8 text pasted by the user (a whole message or a fragment)
 * @source: a label for the result
 *
 * Returns: (transfer full): the analysis
 */
BbBounce *
bb_analyze_text (const char *text,
                 const char *source)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  bytes = g_bytes_new (text, strlen (text));
  return bb_analyze_bytes (bytes, source);
}
