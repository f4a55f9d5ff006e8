/* bb-draft.c - resend drafts filled from a diagnosis: which template fits,
 * filling it, and handing it to a mail program
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-draft.h"
#include "bb-provider.h"

#include "bb-gmime-private.h"

#include <string.h>

/* The words bb_draft_fill() adds to a template, in the template's
 * language (not the user interface's: the client reads them). */
typedef struct
{
  const char *greeting_before; /* around the client's name */
  const char *greeting_after;
  const char *greeting_anonymous;
  const char *no_subject;      /* the subject of an unknown original */
  const char *key_points_hint; /* what the rep types over */
  const char *cloud_link_hint;
  const char *original_text_hint;
  const char *unknown_type; /* of an attachment without a name */
  gboolean    chinese;      /* dates and reasons */
} Wording;

static const Wording wording_en = {
  .greeting_before = "Dear ",
  .greeting_after = ",",
  .greeting_anonymous = "Dear Sir or Madam,",
  .no_subject = "my earlier email",
  .key_points_hint = "- [key point]\n- [key point]\n- [key point]",
  .cloud_link_hint = "[paste the download link here]",
  .original_text_hint = "[paste the text of your earlier email here]",
  .unknown_type = "unknown type",
  .chinese = FALSE,
};

static const Wording wording_zh_cn = {
  .greeting_before = "尊敬的",
  .greeting_after = "：",
  .greeting_anonymous = "您好：",
  .no_subject = "我之前的邮件",
  .key_points_hint = "- [要点一]\n- [要点二]\n- [要点三]",
  .cloud_link_hint = "[请在此粘贴下载链接]",
  .original_text_hint = "[请在此粘贴原邮件的正文]",
  .unknown_type = "未知类型",
  .chinese = TRUE,
};

static const Wording *
wording_for (BbDraftTemplate *tmpl)
{
  if (g_str_equal (bb_draft_template_get_language (tmpl), BB_DRAFT_LANGUAGE_ZH_CN))
    return &wording_zh_cn;

  return &wording_en;
}

/* The failed recipient a draft is about: the one given, or else the
 * bounce's first. */
static BbRecipient *
pick_recipient (BbBounce    *bounce,
                BbRecipient *recipient)
{
  if (recipient != NULL)
    return recipient;
  if (bb_bounce_get_n_recipients (bounce) > 0)
    return bb_bounce_get_recipient (bounce, 0);

  return NULL;
}

static gboolean
is_temporary_code (BbRecipient *recipient)
{
  const char *status = bb_recipient_get_status (recipient);
  const char *reply_code = bb_recipient_get_reply_code (recipient);

  if (status != NULL)
    return status[0] == '4';

  return reply_code != NULL && reply_code[0] == '4';
}

/**
 * bb_draft_suggest_template:
 * @bounce: the analysed bounce
 * @recipient: (nullable): the failed recipient, or %NULL for the bounce's
 *   first
 *
 * Picks the built-in that fits the failure, in this order:
 *
 *  1. the message was too big (mesgtoobig, exceedlimit, or the too-big
 *     category): "link-instead", whatever the code class, because the
 *     same attachments fail again however long the rep waits;
 *  2. a full mailbox (mailboxfull) refused with a 5xx code, or with no
 *     code: "mailbox-full", a short mail with the key points that fits in
 *     what space is left.  With a 4xx code the quota is only briefly
 *     exceeded and the server said to come back: "retry-later";
 *  3. the address itself is dead: a hard bounce (userunknown,
 *     hostunknown, hasmoved, permanent notaccept), a disabled mailbox
 *     (suspend: Sisimai counts it soft because the owner may reopen it,
 *     but nobody reads it now), or any other permanent failure in the
 *     address, domain or mailbox categories (norelaying …):
 *     "alternate-contact", which asks the company's general mailbox for
 *     the right person.  But if the address looks misspelt (a typo
 *     suggestion exists) the fix is to send the same mail again to the
 *     corrected address: "retry-later", whose draft goes to it;
 *  4. everything else: "retry-later".  That covers the temporary
 *     failures (expired, networkerror, systemerror, toomanyconn,
 *     speeding, 4xx codes) and also the sender-side refusals, 4xx or 5xx
 *     (blocked, badreputation, authfailure, spamdetected,
 *     policyviolation …): the client's address is fine there, so
 *     "alternate-contact" would tell the client something false, and
 *     their info@ mailbox sits behind the same filter.  The rep first
 *     fixes the cause on their own side (the advice says how), then
 *     sends the plain resend.
 *
 * Returns: the id of a built-in template (one of the BB_DRAFT_* ids)
 */
const char *
bb_draft_suggest_template (BbBounce    *bounce,
                           BbRecipient *recipient)
{
  const char *reason;
  BbCategory  category;
  gboolean    temporary;

  g_return_val_if_fail (BB_IS_BOUNCE (bounce), NULL);
  g_return_val_if_fail (recipient == NULL || BB_IS_RECIPIENT (recipient), NULL);

  recipient = pick_recipient (bounce, recipient);
  if (recipient == NULL)
    return BB_DRAFT_RETRY_LATER;

  reason = bb_recipient_get_reason (recipient);
  category = bb_recipient_get_category (recipient);
  temporary = is_temporary_code (recipient);

  if (g_strcmp0 (reason, "mesgtoobig") == 0 ||
      g_strcmp0 (reason, "exceedlimit") == 0 ||
      category == BB_CATEGORY_TOO_BIG)
    return BB_DRAFT_LINK_INSTEAD;

  if (g_strcmp0 (reason, "mailboxfull") == 0)
    return temporary ? BB_DRAFT_RETRY_LATER : BB_DRAFT_MAILBOX_FULL;

  if (bb_recipient_get_hard_bounce (recipient) ||
      (g_strcmp0 (reason, "suspend") == 0 && !temporary) ||
      ((category == BB_CATEGORY_ADDRESS ||
        category == BB_CATEGORY_DOMAIN ||
        category == BB_CATEGORY_MAILBOX) &&
       !temporary))
    {
      if (bb_recipient_get_typo_suggestion (recipient) != NULL)
        return BB_DRAFT_RETRY_LATER;
      return BB_DRAFT_ALTERNATE_CONTACT;
    }

  return BB_DRAFT_RETRY_LATER;
}

/* A value as it may go into the draft: valid UTF-8, Unix line breaks,
 * no blank lines before it and no white space after it; NULL becomes "". */
static char *
clean_value (const char *value)
{
  g_autofree char *valid = NULL;
  GString         *out;

  if (value == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (value, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (p[0] == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      g_string_append_c (out, *p);
    }

  /* Blank lines at either end would leave blank lines in the draft */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  for (;;)
    {
      gsize i = 0;

      while (i < out->len && out->str[i] != '\n' && g_ascii_isspace (out->str[i]))
        i++;
      if (i >= out->len || out->str[i] != '\n')
        break;
      g_string_erase (out, 0, (gssize) i + 1);
    }

  return g_string_free (out, FALSE);
}

/* The display name the rep gave the failed address in the original To,
 * or the only name there if the address was rewritten on the way (a
 * forward).  Names that are really addresses do not count. */
static char *
find_client_name (BbBounce   *bounce,
                  const char *failed_address)
{
  GPtrArray       *to = bb_bounce_get_original_to (bounce);
  const BbMailbox *found = NULL;
  g_autofree char *name = NULL;

  if (to == NULL || to->len == 0)
    return NULL;

  for (guint i = 0; i < to->len && failed_address != NULL; i++)
    {
      const BbMailbox *mailbox = g_ptr_array_index (to, i);

      if (mailbox->address != NULL && g_ascii_strcasecmp (mailbox->address, failed_address) == 0)
        {
          found = mailbox;
          break;
        }
    }
  if (found == NULL && to->len == 1)
    found = g_ptr_array_index (to, 0);
  if (found == NULL || found->name == NULL)
    return NULL;

  name = clean_value (found->name);
  g_strstrip (name);
  /* Quotes left over from a sloppy header: "'John Smith'" */
  while (name[0] != '\0' && strchr ("\"'", name[0]) != NULL &&
         name[strlen (name) - 1] == name[0] && strlen (name) >= 2)
    {
      name[strlen (name) - 1] = '\0';
      memmove (name, name + 1, strlen (name));
      g_strstrip (name);
    }
  if (name[0] == '\0' || strchr (name, '@') != NULL || strchr (name, '\n') != NULL)
    return NULL;

  return g_steal_pointer (&name);
}

/* "2 March 2026" (English month names whatever the rep's locale, since
 * the draft goes to the client) or "2026年3月2日".  A date that does not
 * parse is shown as it was written. */
static char *
format_date (const char    *date,
             const Wording *wording)
{
  static const char *const months[] = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  };
  g_autoptr (GDateTime) parsed = NULL;

  if (date == NULL || *date == '\0')
    return g_strdup ("");

  parsed = g_mime_utils_header_decode_date (date);
  if (parsed == NULL)
    return clean_value (date);

  if (wording->chinese)
    return g_strdup_printf ("%d年%d月%d日",
                            g_date_time_get_year (parsed),
                            g_date_time_get_month (parsed),
                            g_date_time_get_day_of_month (parsed));

  return g_strdup_printf ("%d %s %d",
                          g_date_time_get_day_of_month (parsed),
                          months[g_date_time_get_month (parsed) - 1],
                          g_date_time_get_year (parsed));
}

/* Like g_format_size() (SI units), but always in English with a decimal
 * point: the client reads it, not the rep. */
static char *
format_size (gsize size)
{
  static const char *const units[] = { "kB", "MB", "GB", "TB" };
  char                     number[G_ASCII_DTOSTR_BUF_SIZE];
  double                   value = (double) size;
  guint                    unit = 0;

  if (size < 1000)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " %s", size, size == 1 ? "byte" : "bytes");

  value /= 1000.0;
  while (value >= 999.95 && unit + 1 < G_N_ELEMENTS (units))
    {
      value /= 1000.0;
      unit++;
    }

  return g_strdup_printf ("%s %s", g_ascii_formatd (number, sizeof number, "%.1f", value), units[unit]);
}

/* "quote.pdf (1.2 MB), price list.xlsx (57 bytes)" */
static char *
format_attachments (BbBounce      *bounce,
                    const Wording *wording)
{
  GPtrArray *attachments = bb_bounce_get_attachments (bounce);
  GString   *out = g_string_new (NULL);

  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      const BbAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char    *size = format_size (attachment->size);
      g_autofree char    *filename = NULL;

      if (attachment->filename != NULL && *attachment->filename != '\0')
        filename = clean_value (attachment->filename);
      else
        filename = g_strdup_printf (wording->chinese ? "未命名文件（%s）" : "unnamed file (%s)",
                                    attachment->content_type != NULL ? attachment->content_type
                                                                     : wording->unknown_type);

      if (out->len > 0)
        g_string_append (out, wording->chinese ? "、" : ", ");
      g_string_append_printf (out, "%s (%s)", filename, size);
    }

  return g_string_free (out, FALSE);
}

/* What happened, as a clause the client can read: "My earlier email
 * to … did not get through: <reason>." or "我之前发往 … 的邮件未能送达：
 * <reason>。" */
typedef struct
{
  const char *en;
  const char *zh_cn;
} Reason;

static const Reason reason_user_unknown = { "the address was not recognised by the mail server",
                                            "对方的邮件服务器无法识别这个地址" };
static const Reason reason_host_unknown = { "the mail domain could not be found",
                                            "找不到这个邮箱的域名" };
static const Reason reason_too_big = { "the message was too large", "邮件太大" };
static const Reason reason_returned = { "the mail server returned it", "被对方的邮件服务器退回" };

static const Reason *
find_reason (BbRecipient *recipient)
{
  static const struct
  {
    const char *reason;
    Reason      text;
  } reasons[] = {
    { "hasmoved", { "the mailbox has moved to another address", "这个邮箱已迁移到其他地址" } },
    { "suspend", { "the mailbox is disabled", "这个邮箱已被停用" } },
    { "mailboxfull", { "the mailbox was full", "邮箱已满" } },
  };
  static const Reason mailbox = { "the mailbox is not available", "这个邮箱目前无法使用" };
  static const Reason filter = { "a mail filter stopped it", "被邮件过滤系统拦截" };
  static const Reason busy = { "the mail server was too busy to accept it", "对方的邮件服务器太忙，未能接收" };
  static const Reason temporary = { "a mail server had a temporary problem", "邮件服务器出现了临时故障" };
  const char         *reason;

  if (recipient == NULL)
    return &reason_returned;

  reason = bb_recipient_get_reason (recipient);
  if (g_strcmp0 (reason, "userunknown") == 0)
    return &reason_user_unknown;
  if (g_strcmp0 (reason, "hostunknown") == 0)
    return &reason_host_unknown;
  if (g_strcmp0 (reason, "mesgtoobig") == 0 || g_strcmp0 (reason, "exceedlimit") == 0)
    return &reason_too_big;
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i].reason, reason))
      return &reasons[i].text;

  switch (bb_recipient_get_category (recipient))
    {
    case BB_CATEGORY_ADDRESS:
      return &reason_user_unknown;
    case BB_CATEGORY_DOMAIN:
      return &reason_host_unknown;
    case BB_CATEGORY_MAILBOX:
      return &mailbox;
    case BB_CATEGORY_TOO_BIG:
      return &reason_too_big;
    case BB_CATEGORY_REPUTATION:
    case BB_CATEGORY_CONTENT:
    case BB_CATEGORY_AUTHENTICATION:
    case BB_CATEGORY_POLICY:
      return &filter;
    case BB_CATEGORY_RATE_LIMITED:
      return &busy;
    case BB_CATEGORY_TEMPORARY:
      return &temporary;
    case BB_CATEGORY_UNKNOWN:
    case BB_CATEGORY_NOT_BOUNCE:
    case BB_N_CATEGORIES:
    default:
      return &reason_returned;
    }
}

static const char *
describe_reason (BbRecipient   *recipient,
                 const Wording *wording)
{
  const Reason *reason = find_reason (recipient);

  return wording->chinese ? reason->zh_cn : reason->en;
}

/* Where the draft goes.  Most templates resend to the same person: the
 * corrected address if the old one looks misspelt, else the same address.
 * "alternate-contact" writes to the company's general mailbox at the same
 * (or corrected) domain; when that domain itself does not exist, any
 * address there fails as well, so the rep must fill one in. */
static char *
pick_to (const char  *template_id,
         BbRecipient *recipient,
         const char  *failed,
         const char  *corrected)
{
  const char *address = *corrected != '\0' ? corrected : failed;
  const char *at = strrchr (address, '@');

  if (!g_str_equal (template_id, BB_DRAFT_ALTERNATE_CONTACT))
    return g_strdup (address);

  if (at == NULL || at[1] == '\0')
    return g_strdup ("");
  if (*corrected == '\0' && recipient != NULL &&
      bb_recipient_get_category (recipient) == BB_CATEGORY_DOMAIN)
    return g_strdup ("");
  /* A free mailbox (gmail.com, qq.com …) has no company behind it:
   * info@gmail.com is nobody's general address. */
  {
    const BbProvider *provider = bb_provider_for_domain (at + 1);

    if (provider != NULL && provider->personal)
      return g_strdup ("");
  }

  return g_strconcat ("info@", at + 1, NULL);
}

typedef struct
{
  const char *name;
  char       *value;
} Placeholder;

static void
placeholder_clear (gpointer data)
{
  Placeholder *placeholder = data;

  g_free (placeholder->value);
}

static const Placeholder *
find_placeholder (GArray     *placeholders,
                  const char *name,
                  gsize       length)
{
  for (guint i = 0; i < placeholders->len; i++)
    {
      const Placeholder *placeholder = &g_array_index (placeholders, Placeholder, i);

      if (strlen (placeholder->name) == length && strncmp (placeholder->name, name, length) == 0)
        return placeholder;
    }

  return NULL;
}

/* Appends @line with its placeholders filled to @out.  Returns how many
 * known placeholders the line holds, and in *n_filled how many of them
 * had a value. */
static guint
expand_line (GString    *out,
             const char *line,
             gsize       length,
             GArray     *placeholders,
             guint      *n_filled)
{
  const char *end = line + length;
  const char *p = line;
  guint       n_known = 0;

  *n_filled = 0;
  while (p < end)
    {
      const char        *open = memchr (p, '{', (gsize) (end - p));
      const char        *close;
      const Placeholder *placeholder;

      if (open == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, open - p);

      close = memchr (open, '}', (gsize) (end - open));
      placeholder = close != NULL ? find_placeholder (placeholders, open + 1, (gsize) (close - open - 1)) : NULL;
      if (placeholder == NULL)
        {
          /* Not one of ours: left as written */
          g_string_append_c (out, '{');
          p = open + 1;
          continue;
        }

      n_known++;
      if (*placeholder->value != '\0')
        (*n_filled)++;
      g_string_append (out, placeholder->value);
      p = close + 1;
    }

  return n_known;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

/* Fills a body: a line whose placeholders all came out empty ("{my_company}"
 * without a company, "Sent on: {original_date}" without a date) is left
 * out, and so is a blank line that would then double another. */
static char *
expand_body (const char *text,
             GArray     *placeholders)
{
  GString    *out = g_string_new (NULL);
  gboolean    last_blank = TRUE; /* no blank lines at the top either */
  gboolean    dropped = FALSE;
  const char *line = text;

  while (*line != '\0')
    {
      const char *newline = strchr (line, '\n');
      gsize       length = newline != NULL ? (gsize) (newline - line) : strlen (line);
      gsize       start = out->len;
      guint       n_filled;
      guint       n_known = expand_line (out, line, length, placeholders, &n_filled);
      gboolean    blank = is_blank (out->str + start, out->len - start);

      if (n_known > 0 && n_filled == 0)
        {
          g_string_truncate (out, start);
          dropped = TRUE;
        }
      else if (blank && last_blank && (dropped || start == 0))
        {
          g_string_truncate (out, start);
        }
      else
        {
          g_string_append_c (out, '\n');
          last_blank = blank;
          dropped = FALSE;
        }

      line += length;
      if (*line == '\n')
        line++;
    }

  /* One line break at the end, none before it */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* Fills a subject: one line, and an unknown original subject reads as
 * "my earlier email". */
static char *
expand_subject (const char *text,
                GArray     *placeholders)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n_filled;

  expand_line (out, text, strlen (text), placeholders, &n_filled);
  for (gsize i = 0; i < out->len; i++)
    if (out->str[i] == '\n' || out->str[i] == '\t')
      out->str[i] = ' ';

  return g_strdup (g_strstrip (out->str));
}

static void
add_placeholder (GArray     *placeholders,
                 const char *name,
                 char       *value)
{
  Placeholder placeholder = { name, value };

  g_array_append_val (placeholders, placeholder);
}

/**
 * bb_draft_fill:
 * @tmpl: the template
 * @bounce: the analysed bounce
 * @recipient: (nullable): the failed recipient the draft is about, or
 *   %NULL for the bounce's first
 * @me: (nullable): the rep's identity for the signature
 *
 * Fills the placeholders of @tmpl.  Besides those listed in bb-draft.h,
 * {greeting} gives "Dear <client name>," or "Dear Sir or Madam,".  In
 * the body, a line whose placeholders all come out empty is left out
 * (the signature lines, "Sent on: {original_date}" when the notice did
 * not return the original …); in the subject, an unknown
 * {original_subject} reads "my earlier email".  Values from the notice
 * and the identity are made valid UTF-8.
 *
 * What the draft adds of its own (the greeting, the date, the reason, the
 * hints the rep types over, "my earlier email") is written in the
 * template's language: for %BB_DRAFT_LANGUAGE_ZH_CN "尊敬的<client
 * name>：" or "您好：", "2026年3月2日", "我之前的邮件" ….
 *
 * Returns: (transfer full): the draft; free with bb_draft_free()
 */
BbDraft *
bb_draft_fill (BbDraftTemplate        *tmpl,
               BbBounce               *bounce,
               BbRecipient            *recipient,
               const BbSenderIdentity *me)
{
  g_autoptr (GArray) placeholders = g_array_new (FALSE, TRUE, sizeof (Placeholder));
  g_autofree char *failed = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *client_name = NULL;
  g_autofree char *original_subject = NULL;
  g_autofree char *template_subject = NULL;
  g_autofree char *template_body = NULL;
  const Wording   *wording;
  BbDraft         *draft;

  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (tmpl), NULL);
  g_return_val_if_fail (BB_IS_BOUNCE (bounce), NULL);
  g_return_val_if_fail (recipient == NULL || BB_IS_RECIPIENT (recipient), NULL);

  g_array_set_clear_func (placeholders, placeholder_clear);
  wording = wording_for (tmpl);

  recipient = pick_recipient (bounce, recipient);
  failed = clean_value (recipient != NULL ? bb_recipient_get_address (recipient) : NULL);
  corrected = clean_value (recipient != NULL ? bb_recipient_get_typo_suggestion (recipient) : NULL);
  client_name = find_client_name (bounce, failed);
  original_subject = clean_value (bb_bounce_get_original_subject (bounce));

  draft = g_new0 (BbDraft, 1);
  draft->to = pick_to (bb_draft_template_get_id (tmpl), recipient, failed, corrected);

  add_placeholder (placeholders, "greeting",
                   client_name != NULL ? g_strconcat (wording->greeting_before, client_name, wording->greeting_after, NULL)
                                       : g_strdup (wording->greeting_anonymous));
  add_placeholder (placeholders, "client_name", g_strdup (client_name != NULL ? client_name : ""));
  add_placeholder (placeholders, "failed_address", g_strdup (failed));
  add_placeholder (placeholders, "corrected_address", g_strdup (corrected));
  add_placeholder (placeholders, "to_address", g_strdup (draft->to));
  add_placeholder (placeholders, "original_date", format_date (bb_bounce_get_original_date (bounce), wording));
  add_placeholder (placeholders, "attachments", format_attachments (bounce, wording));
  add_placeholder (placeholders, "key_points", g_strdup (wording->key_points_hint));
  add_placeholder (placeholders, "cloud_link", g_strdup (wording->cloud_link_hint));
  /* The earlier email itself when the notice returned it (and the
   * analysis kept its text), else a hint to paste it. */
  add_placeholder (placeholders, "original_text",
                   g_strdup (bb_bounce_get_original_text (bounce) != NULL && *bb_bounce_get_original_text (bounce) != '\0'
                                 ? bb_bounce_get_original_text (bounce)
                                 : wording->original_text_hint));
  add_placeholder (placeholders, "my_name", clean_value (me != NULL ? me->name : NULL));
  add_placeholder (placeholders, "my_company", clean_value (me != NULL ? me->company : NULL));
  add_placeholder (placeholders, "signature", clean_value (me != NULL ? me->signature : NULL));
  add_placeholder (placeholders, "reason", g_strdup (describe_reason (recipient, wording)));

  /* The template text may come from anywhere (a hand-edited file) */
  template_subject = clean_value (bb_draft_template_get_subject (tmpl));
  template_body = clean_value (bb_draft_template_get_body (tmpl));

  add_placeholder (placeholders, "original_subject",
                   g_strdup (*original_subject != '\0' ? original_subject : wording->no_subject));
  draft->subject = expand_subject (template_subject, placeholders);

  g_array_remove_index (placeholders, placeholders->len - 1);
  add_placeholder (placeholders, "original_subject", g_strdup (original_subject));
  draft->body = expand_body (template_body, placeholders);

  g_assert (g_utf8_validate (draft->subject, -1, NULL));
  g_assert (g_utf8_validate (draft->body, -1, NULL));
  return draft;
}

void
bb_draft_free (BbDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->to);
  g_free (draft->subject);
  g_free (draft->body);
  g_free (draft);
}

/**
 * bb_draft_to_text:
 * @draft: a draft
 *
 * Returns: (transfer full): "Subject: …", a blank line and the body, for
 *   the clipboard
 */
char *
bb_draft_to_text (const BbDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return g_strdup_printf ("Subject: %s\n\n%s",
                          draft->subject != NULL ? draft->subject : "",
                          draft->body != NULL ? draft->body : "");
}

/* RFC 6068: only unreserved characters stay as they are in a header
 * value; "&", "=", "+", "#", "%" and every non-ASCII byte are
 * percent-encoded (UTF-8).  Line breaks become CRLF, "%0D%0A". */
static void
append_hfvalue (GString    *out,
                const char *value,
                gboolean    multiline)
{
  GString         *text = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append (text, multiline ? "\r\n" : " ");
      else
        g_string_append_c (text, *p);
    }

  escaped = g_uri_escape_string (text->str, NULL, FALSE);
  g_string_append (out, escaped);
  g_string_free (text, TRUE);
}

/**
 * bb_draft_to_mailto:
 * @draft: a draft
 *
 * Returns: (transfer full): a mailto: URI (RFC 6068) with the address,
 *   the subject and the body; the address may be empty ("mailto:?subject=…")
 */
char *
bb_draft_to_mailto (const BbDraft *draft)
{
  GString         *out;
  g_autofree char *to = NULL;
  char             separator = '?';

  g_return_val_if_fail (draft != NULL, NULL);

  /* "@" and the sub-delimiters RFC 6068 allows in addr-spec stay
   * readable; "%", "?", "#", "&", "/" and spaces do not. */
  to = g_uri_escape_string (draft->to != NULL ? draft->to : "", "@!$'()*+,;:", FALSE);
  out = g_string_new ("mailto:");
  g_string_append (out, to);

  if (draft->subject != NULL && *draft->subject != '\0')
    {
      g_string_append_c (out, separator);
      g_string_append (out, "subject=");
      append_hfvalue (out, draft->subject, FALSE);
      separator = '&';
    }
  if (draft->body != NULL && *draft->body != '\0')
    {
      g_string_append_c (out, separator);
      g_string_append (out, "body=");
      append_hfvalue (out, draft->body, TRUE);
    }

  return g_string_free (out, FALSE);
}

static const char *
domain_of (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL && at[1] != '\0' ? at + 1 : NULL;
}

/**
 * bb_draft_write_eml:
 * @draft: a draft
 * @me: (nullable): the rep; From is @me->address (with @me->name), and
 *   left out when there is no address
 * @path: the .eml file to write
 * @error: return location for an error
 *
 * Writes the draft as an unsent message (text/plain, UTF-8,
 * quoted-printable, CRLF line ends, "X-Unsent: 1"), which Outlook opens
 * as a draft ready to send and Thunderbird opens as a message to edit.
 * The file is replaced atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
bb_draft_write_eml (const BbDraft          *draft,
                    const BbSenderIdentity *me,
                    const char             *path,
                    GError                **error)
{
  g_autoptr (GMimeMessage) message = NULL;
  g_autoptr (GMimeStream) stream = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char    *message_id = NULL;
  g_autofree char    *body = NULL;
  GMimeFormatOptions *options;
  GMimeTextPart      *part;
  GByteArray         *bytes;
  const char         *from_domain = NULL;

  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  message = g_mime_message_new (TRUE);

  if (me != NULL && me->address != NULL && *me->address != '\0')
    {
      g_autofree char *name = me->name != NULL ? clean_value (me->name) : NULL;
      InternetAddress *from = internet_address_mailbox_new (name != NULL && *name != '\0' ? name : NULL,
                                                            me->address);

      /* The list takes a reference of its own */
      internet_address_list_add (g_mime_message_get_from (message), from);
      g_object_unref (from);
      from_domain = domain_of (me->address);
    }

  if (draft->to != NULL && *draft->to != '\0')
    {
      g_autoptr (InternetAddressList) to = internet_address_list_parse (NULL, draft->to);

      if (to == NULL || internet_address_list_length (to) == 0)
        {
          /* Not parseable: keep it as the rep wrote it */
          InternetAddress *mailbox = internet_address_mailbox_new (NULL, draft->to);

          g_clear_object (&to);
          to = internet_address_list_new ();
          internet_address_list_add (to, mailbox);
          g_object_unref (mailbox);
        }
      internet_address_list_append (g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO), to);
    }

  g_mime_message_set_subject (message, draft->subject != NULL ? draft->subject : "", "utf-8");
  now = g_date_time_new_now_local ();
  g_mime_message_set_date (message, now);
  message_id = g_mime_utils_generate_message_id (from_domain != NULL ? from_domain : "bounceback.invalid");
  g_mime_message_set_message_id (message, message_id);
  g_mime_object_set_header (GMIME_OBJECT (message), "MIME-Version", "1.0", NULL);
  g_mime_object_set_header (GMIME_OBJECT (message), "X-Unsent", "1", NULL);

  body = clean_value (draft->body);
  part = g_mime_text_part_new_with_subtype ("plain");
  g_mime_text_part_set_text (part, body);
  g_mime_text_part_set_charset (part, "utf-8");
  g_mime_part_set_content_encoding (GMIME_PART (part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part (message, GMIME_OBJECT (part));
  g_object_unref (part);

  stream = g_mime_stream_mem_new ();
  options = g_mime_format_options_new ();
  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_object_write_to_stream (GMIME_OBJECT (message), options, stream);
  g_mime_format_options_free (options);

  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));

  return g_file_set_contents_full (path, (const char *) bytes->data, (gssize) bytes->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
