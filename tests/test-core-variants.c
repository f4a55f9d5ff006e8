/* test-core-variants.c - the same notice, written differently, gets the
 * same diagnosis
 *
 * Every notice of the corpus is rewritten in ways that change its bytes
 * but not what it says, as mail systems and mail programs do on the way:
 * CRLF line ends, header field names in lower case, an mbox envelope
 * line in front, a plain single-part body re-encoded as base64 or as
 * quoted-printable; or a colleague forwards it, attached.  The kind and,
 * recipient by recipient, the address, status, reply code, reason and
 * hard/soft must not change (for the forward: hardly ever).  This checks
 * that the engine reads the structure, not the spelling of one sample.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bb-core.h"

typedef struct
{
  const char *path;
  GString *(*rewrite) (const char *data, gsize len);
  guint tolerance_percent; /* of notices that may read differently */
} Variant;

/* kind, then per recipient: address | status | reply | reason | hard */
static char *
diagnosis_key (BbBounce *bounce)
{
  GString *key = g_string_new (bb_kind_to_string (bb_bounce_get_kind (bounce)));

  for (guint i = 0; i < bb_bounce_get_n_recipients (bounce); i++)
    {
      BbRecipient     *r = bb_bounce_get_recipient (bounce, i);
      g_autofree char *address = g_ascii_strdown (bb_recipient_get_address (r), -1);

      g_string_append_printf (key, "\n%s | %s | %s | %s | %s", address, bb_recipient_get_status (r),
                              bb_recipient_get_reply_code (r), bb_recipient_get_reason (r),
                              bb_recipient_get_hard_bounce (r) ? "hard" : "soft");
    }
  return g_string_free (key, FALSE);
}

static gsize
header_end (const char *data,
            gsize       len)
{
  const char *blank = g_strstr_len (data, len, "\n\n");

  return blank != NULL ? (gsize) (blank - data) + 1 : 0;
}

static GString *
to_crlf (const char *data,
         gsize       len)
{
  GString *out = g_string_sized_new (len + len / 20);

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
        g_string_append_c (out, '\r');
      g_string_append_c (out, data[i]);
    }
  return out;
}

static GString *
lower_field_names (const char *data,
                   gsize       len)
{
  gsize    end = header_end (data, len);
  gboolean line_start = TRUE;
  GString *out;

  if (end == 0)
    return NULL;
  out = g_string_new_len (data, len);
  for (gsize i = 0; i < end; i++)
    {
      if (line_start && out->str[i] != ' ' && out->str[i] != '\t' &&
          !(i + 5 <= len && memcmp (out->str + i, "From ", 5) == 0))
        for (gsize k = i; k < end && out->str[k] != ':' && out->str[k] != '\n'; k++)
          out->str[k] = g_ascii_tolower (out->str[k]);
      line_start = out->str[i] == '\n';
    }
  return out;
}

static GString *
with_envelope (const char *data,
               gsize       len)
{
  GString *out;

  if (len >= 5 && memcmp (data, "From ", 5) == 0)
    return NULL;
  out = g_string_new ("From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n");
  g_string_append_len (out, data, len);
  return out;
}

/* A plain single part (no multipart, no transfer encoding yet): the same
 * body, encoded.  NULL for others. */
static GString *
reencode (const char *data,
          gsize       len,
          gboolean    base64)
{
  gsize            end = header_end (data, len);
  g_autofree char *head = NULL;
  g_autofree char *lower = NULL;
  GString         *out;

  if (end == 0 || memchr (data, '\r', len) != NULL)
    return NULL;
  head = g_strndup (data, end);
  lower = g_ascii_strdown (head, -1);
  if (strstr (lower, "content-type: multipart") != NULL || strstr (lower, "content-type:multipart") != NULL ||
      strstr (lower, "content-transfer-encoding") != NULL)
    return NULL;
  out = g_string_new (head);
  /* no type said is text/plain (RFC 2045): say it, as the encoding needs MIME */
  if (strstr (lower, "content-type:") == NULL)
    g_string_append (out, "MIME-Version: 1.0\nContent-Type: text/plain\n");
  g_string_append (out, base64 ? "Content-Transfer-Encoding: base64\n\n" : "Content-Transfer-Encoding: quoted-printable\n\n");
  if (base64)
    {
      g_autofree char *b64 = g_base64_encode ((const guchar *) data + end + 1, len - end - 1);
      gsize            n = strlen (b64);

      for (gsize i = 0; i < n; i += 76)
        {
          g_string_append_len (out, b64 + i, MIN (76, n - i));
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      guint col = 0;

      for (gsize i = end + 1; i < len; i++)
        {
          guchar c = (guchar) data[i];

          if (c == '\n')
            {
              g_string_append_c (out, '\n');
              col = 0;
              continue;
            }
          if (col >= 72)
            {
              g_string_append (out, "=\n");
              col = 0;
            }
          if (c == '=' || c >= 127 || (c < 32 && c != '\t'))
            {
              g_string_append_printf (out, "=%02X", c);
              col += 3;
            }
          else
            {
              g_string_append_c (out, c);
              col++;
            }
        }
    }
  return out;
}

static GString *
to_base64 (const char *data,
           gsize       len)
{
  return reencode (data, len, TRUE);
}

static GString *
to_quoted_printable (const char *data,
                     gsize       len)
{
  return reencode (data, len, FALSE);
}

/* A colleague forwards the notice as an attachment: an ordinary message
 * of theirs, with the notice attached whole (message/rfc822). */
static GString *
forwarded_as_attachment (const char *data,
                         gsize       len)
{
  GString *out = g_string_new ("From: Li Wei <liwei@trade.example>\n"
                               "To: Zhang San <zhang@trade.example>\n"
                               "Subject: Fwd: this came back\n"
                               "Date: Mon, 2 Mar 2026 10:00:00 +0800\n"
                               "Message-ID: <fwd-1@trade.example>\n"
                               "MIME-Version: 1.0\n"
                               "Content-Type: multipart/mixed; boundary=\"fwd-boundary\"\n"
                               "\n"
                               "--fwd-boundary\n"
                               "Content-Type: text/plain; charset=utf-8\n"
                               "\n"
                               "Please check this one, the client says they never got it.\n"
                               "\n"
                               "--fwd-boundary\n"
                               "Content-Type: message/rfc822\n"
                               "\n");

  /* the envelope line of an mbox is not part of the message */
  if (len >= 5 && memcmp (data, "From ", 5) == 0)
    {
      const char *eol = memchr (data, '\n', len);
      gsize       skip = eol != NULL ? (gsize) (eol + 1 - data) : len;

      data += skip;
      len -= skip;
    }
  g_string_append_len (out, data, len);
  g_string_append (out, "\n--fwd-boundary--\n");
  return out;
}

static void
check_variant (gconstpointer user_data)
{
  const Variant   *v = user_data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "corpus", "bounces", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char      *name;
  guint            checked = 0, differ = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize            len = 0;
      g_autoptr (GString) variant = NULL;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      variant = v->rewrite (data, len);
      if (variant != NULL)
        {
          g_autoptr (GBytes) a = g_bytes_new (data, len);
          g_autoptr (GBytes) b = g_bytes_new (variant->str, variant->len);
          g_autoptr (BbBounce) original = bb_analyze_bytes (a, name);
          g_autoptr (BbBounce) rewritten = bb_analyze_bytes (b, name);
          g_autofree char *want = diagnosis_key (original);
          g_autofree char *got = diagnosis_key (rewritten);

          checked++;
          if (strcmp (want, got) != 0)
            {
              differ++;
              g_test_message ("%s:\n%s\nbecame\n%s", name, want, got);
            }
        }
    }
  g_test_message ("%u notices rewritten, %u read differently", checked, differ);
  /* the rewrite applies to enough notices to mean something */
  g_assert_cmpuint (checked, >=, 40);
  g_assert_cmpuint (differ * 100, <=, checked * v->tolerance_percent);
}

/* A colleague forwards the notice in the text of their message, as
 * Gmail, QQ Mail and Outlook quote it: the diagnosis is the notice's, and
 * neither the colleague nor the rep (the notice's To) is a recipient. */
static void
test_forwarded_in_text (void)
{
  static const char notice[] =
    "This is the mail system at host mx.example.net.\n\n"
    "I'm sorry to have to inform you that your message could not\n"
    "be delivered to one or more recipients.\n\n"
    "<ann@client.example>: host mx.client.example[192.0.2.1] said: 550 5.1.1\n"
    "    <ann@client.example>: Recipient address rejected: User unknown in virtual\n"
    "    mailbox table (in reply to RCPT TO command)\n";
  static const struct
  {
    const char *subject;
    const char *quote;
  } styles[] = {
    { "Fwd: Undelivered Mail Returned to Sender",
      "---------- Forwarded message ---------\n"
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
      "Date: Mon, 2 Mar 2026 at 10:00\n"
      "Subject: Undelivered Mail Returned to Sender\n"
      "To: <rep@trade.example>\n\n" },
    { "=?UTF-8?B?6L2s5Y+R77yaVW5kZWxpdmVyZWQgTWFpbCBSZXR1cm5lZCB0byBTZW5kZXI=?=",
      "------------------ \xe5\x8e\x9f\xe5\xa7\x8b\xe9\x82\xae\xe4\xbb\xb6 ------------------\n"
      "\xe5\x8f\x91\xe4\xbb\xb6\xe4\xba\xba: \"Mail Delivery System\" <MAILER-DAEMON@mx.example.net>;\n"
      "\xe5\x8f\x91\xe9\x80\x81\xe6\x97\xb6\xe9\x97\xb4: 2026-03-02 10:00\n"
      "\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba: \"rep\"<rep@trade.example>;\n"
      "\xe4\xb8\xbb\xe9\xa2\x98: Undelivered Mail Returned to Sender\n\n" },
    { "FW: Undelivered Mail Returned to Sender",
      "-----Original Message-----\n"
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
      "Sent: Monday, March 2, 2026 10:00 AM\n"
      "To: rep@trade.example\n"
      "Subject: Undelivered Mail Returned to Sender\n\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *message = g_strdup_printf ("From: Colleague <colleague@trade.example>\n"
                                                  "To: Boss <boss@trade.example>\n"
                                                  "Subject: %s\n"
                                                  "Date: Mon, 2 Mar 2026 11:00:00 +0800\n"
                                                  "MIME-Version: 1.0\n"
                                                  "Content-Type: text/plain; charset=utf-8\n\n"
                                                  "Please look at this one.\n\n%s%s",
                                                  styles[i].subject, styles[i].quote, notice);
      g_autoptr (GBytes) bytes = g_bytes_new (message, strlen (message));
      g_autoptr (BbBounce) bounce = bb_analyze_bytes (bytes, "forwarded.eml");
      BbRecipient *r;

      g_test_message ("%s", styles[i].subject);
      g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
      g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
      r = bb_bounce_get_recipient (bounce, 0);
      g_assert_cmpstr (bb_recipient_get_address (r), ==, "ann@client.example");
      g_assert_cmpstr (bb_recipient_get_reason (r), ==, "userunknown");
      g_assert_cmpstr (bb_recipient_get_status (r), ==, "5.1.1");
      g_assert_cmpstr (bb_recipient_get_reply_code (r), ==, "550");
    }

  /* the same, copied as text and pasted: the quoted block decides too */
  {
    g_autofree char *text = g_strdup_printf ("Please look at this one.\n\n%s%s", styles[1].quote, notice);
    g_autoptr (BbBounce) bounce = bb_analyze_text (text, "pasted");

    g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
    g_assert_cmpstr (bb_recipient_get_address (bb_bounce_get_recipient (bounce, 0)), ==, "ann@client.example");
    g_assert_cmpstr (bb_recipient_get_reason (bb_bounce_get_recipient (bounce, 0)), ==, "userunknown");
  }

  /* a notice's returned original, further down, is no forward: its To is
   * the recipient, not the rep */
  {
    static const char text[] =
      "A message that you sent could not be delivered to one or more of its\n"
      "recipients. This is a permanent error. The following address(es) failed:\n\n"
      "  ann@client.example\n"
      "    host mx.client.example [192.0.2.1]\n"
      "    SMTP error from remote mail server after RCPT TO:<ann@client.example>:\n"
      "    550 5.2.2 Mailbox full\n\n"
      "------ This is a copy of the message, including all the headers. ------\n"
      "-----Original Message-----\n"
      "From: Rep <rep@trade.example>\n"
      "To: ann@client.example\n"
      "Subject: Delivery problem with order 118\n\n"
      "Dear Ann, the shipment is late.\n";
    g_autoptr (BbBounce) bounce = bb_analyze_text (text, "pasted notice");

    g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
    g_assert_cmpstr (bb_recipient_get_address (bb_bounce_get_recipient (bounce, 0)), ==, "ann@client.example");
    g_assert_cmpstr (bb_recipient_get_reason (bb_bounce_get_recipient (bounce, 0)), ==, "mailboxfull");
  }

  /* a forwarded automatic reply is the client's, not the colleague's */
  {
    static const char message[] = "From: Colleague <colleague@trade.example>\n"
                                  "To: Boss <boss@trade.example>\n"
                                  "Subject: Fwd: Automatic reply: Order 118\n"
                                  "Date: Mon, 2 Mar 2026 11:00:00 +0800\n\n"
                                  "FYI\n\n"
                                  "---------- Forwarded message ---------\n"
                                  "From: Ann Lee <ann@client.example>\n"
                                  "Date: Mon, 2 Mar 2026 at 10:00\n"
                                  "Subject: Automatic reply: Order 118\n"
                                  "To: <rep@trade.example>\n\n"
                                  "I am out of the office until 9 March.\n";
    g_autoptr (GBytes) bytes = g_bytes_new (message, sizeof message - 1);
    g_autoptr (BbBounce) bounce = bb_analyze_bytes (bytes, "forwarded-autoreply.eml");

    g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_AUTOREPLY);
    g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
    g_assert_cmpstr (bb_recipient_get_address (bb_bounce_get_recipient (bounce, 0)), ==, "ann@client.example");
  }
}

int
main (int   argc,
      char *argv[])
{
  static const Variant variants[] = {
    { "/bb/core/variants/crlf", to_crlf, 0 },
    { "/bb/core/variants/lower-case-field-names", lower_field_names, 0 },
    { "/bb/core/variants/mbox-envelope", with_envelope, 0 },
    { "/bb/core/variants/base64-body", to_base64, 0 },
    { "/bb/core/variants/quoted-printable-body", to_quoted_printable, 0 },
    /* a few notices do not look like one once inside another message
     * (a mail system's ordinary-looking sender and subject) */
    { "/bb/core/variants/forwarded-as-attachment", forwarded_as_attachment, 3 },
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    g_test_add_data_func (variants[i].path, &variants[i], check_variant);
  g_test_add_func ("/bb/core/variants/forwarded-in-text", test_forwarded_in_text);
  return g_test_run ();
}
