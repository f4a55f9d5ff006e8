/* bb-contact-finder.c - other addresses of a client's company, from its
 * own web site (on the user's request only)
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The site is a stranger's: it is read as text, never rendered; nothing
 * is run, no cookie is kept, only http(s) on the same site (or its
 * www/apex twin) is followed, TLS certificates are verified, and every
 * page has a size and a time limit.
 */

#include "config.h"

#include "bb-contact-finder.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bb-net-private.h"

void
bb_contacts_result_free (BbContactsResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->contacts, g_ptr_array_unref);
  g_clear_pointer (&result->pages, g_ptr_array_unref);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_free (result);
}

static void
contact_free (BbContact *contact)
{
  g_free (contact->address);
  g_free (contact->page);
  g_free (contact);
}

/* ---- reading addresses out of a page ---- */

/* Cloudflare's "email protection": hex bytes, the first the XOR key. */
static char *
decode_cfemail (const char *hex)
{
  gsize    len = strlen (hex);
  GString *out;
  int      key;

  if (len < 4 || len % 2 != 0 || len > 512)
    return NULL;
  key = g_ascii_xdigit_value (hex[0]) * 16 + g_ascii_xdigit_value (hex[1]);
  out = g_string_new (NULL);
  for (gsize i = 2; i < len; i += 2)
    {
      int hi = g_ascii_xdigit_value (hex[i]);
      int lo = g_ascii_xdigit_value (hex[i + 1]);

      if (hi < 0 || lo < 0 || key < 0)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, (char) ((hi * 16 + lo) ^ key));
    }
  return g_string_free (out, FALSE);
}

static const struct
{
  const char *name;
  const char *text;
} named_entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" }, { "nbsp", " " },
  { "commat", "@" }, { "period", "." }, { "lpar", "(" }, { "rpar", ")" }, { "lsqb", "[" }, { "rsqb", "]" },
};

/* Character references to text; unknown ones stay as they are. */
static char *
decode_entities (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *semi;

      if (*p != '&' || (semi = strchr (p, ';')) == NULL || semi - p > 10)
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '#')
        {
          gboolean hex = p[2] == 'x' || p[2] == 'X';
          g_autofree char *digits = g_strndup (p + (hex ? 3 : 2), semi - p - (hex ? 3 : 2));
          char            *end = NULL;
          guint64          code = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

          if (*digits != '\0' && end != NULL && *end == '\0' && code > 0 && code < 0x110000 &&
              g_unichar_validate ((gunichar) code))
            {
              g_string_append_unichar (out, (gunichar) code);
              p = semi;
              continue;
            }
        }
      else
        for (guint i = 0; i < G_N_ELEMENTS (named_entities); i++)
          {
            gsize n = strlen (named_entities[i].name);

            if ((gsize) (semi - p - 1) == n && strncmp (p + 1, named_entities[i].name, n) == 0)
              {
                g_string_append (out, named_entities[i].text);
                p = semi;
                goto next;
              }
          }
      g_string_append_c (out, *p);
    next:;
    }
  return g_string_free (out, FALSE);
}

/* Markup to text: tags become spaces, scripts and styles go. */
static char *
strip_tags (const char *html)
{
  GString    *out = g_string_sized_new (strlen (html));
  const char *p = html;

  while (*p != '\0')
    {
      if (*p != '<')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (g_ascii_strncasecmp (p, "<script", 7) == 0 || g_ascii_strncasecmp (p, "<style", 6) == 0)
        {
          const char *close = g_ascii_strncasecmp (p, "<script", 7) == 0 ? "</script" : "</style";
          const char *end = p;

          while ((end = strchr (end + 1, '<')) != NULL && g_ascii_strncasecmp (end, close, strlen (close)) != 0)
            ;
          p = end != NULL ? end + 1 : p + strlen (p);
        }
      {
        const char *gt = strchr (p, '>');

        p = gt != NULL ? gt + 1 : p + strlen (p);
      }
      g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

static char *
at_dot_words_cb_text (const char *local,
                      const char *rest)
{
  g_autoptr (GRegex) dot = g_regex_new ("\\s+dot\\s+", G_REGEX_CASELESS, 0, NULL);
  g_autofree char *domain = g_regex_replace_literal (dot, rest, -1, 0, ".", 0, NULL);

  return g_strconcat (local, "@", domain, NULL);
}

static gboolean
at_dot_words_cb (const GMatchInfo *info,
                 GString          *result,
                 gpointer          data)
{
  g_autofree char *local = g_match_info_fetch (info, 1);
  g_autofree char *rest = g_match_info_fetch (info, 2);
  g_autofree char *address = at_dot_words_cb_text (local, rest);

  g_string_append (result, address);
  return FALSE;
}

/* "name [at] example [dot] com", "name(at)example.com", "name at example
 * dot com", "name＠example。com" → "name@example.com". */
static char *
undo_obfuscation (const char *text)
{
  static const struct
  {
    const char *from;
    const char *to;
  } fullwidth[] = { { "＠", "@" }, { "（", "(" }, { "）", ")" }, { "【", "[" }, { "】", "]" }, { "［", "[" },
                    { "］", "]" } };
  g_autofree char *plain = g_strdup (text);
  g_autoptr (GRegex) bracket_at = g_regex_new ("\\s*[\\[\\(\\{<]\\s*(?:at|@)\\s*[\\]\\)\\}>]\\s*", G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) bracket_dot = g_regex_new ("\\s*[\\[\\(\\{<]\\s*(?:dot|\\.)\\s*[\\]\\)\\}>]\\s*", G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) words = g_regex_new ("\\b([a-z0-9][a-z0-9._%+-]*)\\s+at\\s+((?:[a-z0-9-]+\\s+dot\\s+)+[a-z]{2,24})\\b",
                                          G_REGEX_CASELESS, 0, NULL);
  char *step;

  for (guint i = 0; i < G_N_ELEMENTS (fullwidth); i++)
    {
      g_auto (GStrv) parts = g_strsplit (plain, fullwidth[i].from, -1);

      g_free (plain);
      plain = g_strjoinv (fullwidth[i].to, parts);
    }
  step = g_regex_replace_literal (bracket_at, plain, -1, 0, "@", 0, NULL);
  g_free (plain);
  plain = step;
  step = g_regex_replace_literal (bracket_dot, plain, -1, 0, ".", 0, NULL);
  g_free (plain);
  plain = step;
  step = g_regex_replace_eval (words, plain, -1, 0, 0, at_dot_words_cb, NULL, NULL);
  g_free (plain);
  plain = step;
  return g_steal_pointer (&plain);
}

static gboolean
is_junk (const char *address)
{
  static const char *const file_suffixes[] = { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".css", ".js", NULL };
  static const char *const junk_domains[] = { "example.com", "example.org", "example.net", "domain.com",
                                              "yourdomain.com", "sentry.io", "wixpress.com", "sentry.wixpress.com",
                                              "email.com.example", NULL };
  const char *at = strrchr (address, '@');

  for (guint i = 0; file_suffixes[i] != NULL; i++)
    if (g_str_has_suffix (address, file_suffixes[i]))
      return TRUE;
  for (guint i = 0; junk_domains[i] != NULL; i++)
    if (g_strcmp0 (at + 1, junk_domains[i]) == 0 || g_str_has_suffix (at + 1, junk_domains[i]))
      return TRUE;
  /* hashes that tracking scripts leave behind */
  return at - address > 30;
}

static void
add_address (GPtrArray  *found,
             const char *candidate)
{
  g_autofree char *copy = g_strdup (candidate);
  char            *at;
  gsize            len;

  /* a sentence's full stop is not part of the address */
  len = strlen (copy);
  while (len > 0 && (copy[len - 1] == '.' || copy[len - 1] == '-'))
    copy[--len] = '\0';
  at = strrchr (copy, '@');
  if (at == NULL || at == copy || strchr (at, '.') == NULL || copy[0] == '.')
    return;
  for (char *p = at; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  if (is_junk (copy))
    return;
  for (guint i = 0; i < found->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (found, i), copy) == 0)
      return;
  g_ptr_array_add (found, g_steal_pointer (&copy));
}

/**
 * bb_contacts_extract:
 * @html: a page (HTML or text), UTF-8
 * @length: its length, or -1 when nul-terminated
 *
 * Finds the email addresses a page publishes: mailto: links, addresses
 * in the text, character references (&#64;), simple obfuscations ("name
 * [at] domain [dot] com", "name(at)domain.com", "name at domain dot
 * com", full-width ＠) and Cloudflare's protected addresses.  Image
 * names (logo@2x.png), placeholders (you@example.com) and tracking
 * hashes are left out.
 *
 * Returns: (transfer full) (element-type utf8): the addresses, in the
 *   order of the page, each once
 */
GPtrArray *
bb_contacts_extract (const char *html,
                     gssize      length)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *page = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autoptr (GRegex) mailto = g_regex_new ("mailto:([^\"'<>\\s?]+)", G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) cfemail = g_regex_new ("data-cfemail\\s*=\\s*[\"']?([0-9a-fA-F]+)", 0, 0, NULL);
  g_autoptr (GRegex) address = g_regex_new ("[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}",
                                            0, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;

  if (html == NULL)
    return g_steal_pointer (&found);
  page = length < 0 ? g_strdup (html) : g_strndup (html, length);
  if (!g_utf8_validate (page, -1, NULL))
    {
      char *valid = g_utf8_make_valid (page, -1);
      g_free (page);
      page = valid;
    }
  decoded = decode_entities (page);

  for (g_regex_match (mailto, decoded, 0, &info); g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *raw = g_match_info_fetch (info, 1);
      g_autofree char *unescaped = g_uri_unescape_string (raw, NULL);

      /* mailto:a@x.com,b@x.com */
      if (unescaped != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (unescaped, ",", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            if (g_regex_match (address, g_strstrip (parts[i]), 0, NULL))
              add_address (found, parts[i]);
        }
    }
  g_clear_pointer (&info, g_match_info_unref);
  for (g_regex_match (cfemail, decoded, 0, &info); g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *hex = g_match_info_fetch (info, 1);
      g_autofree char *email = decode_cfemail (hex);

      if (email != NULL && g_utf8_validate (email, -1, NULL) && g_regex_match (address, email, 0, NULL))
        add_address (found, email);
    }
  g_clear_pointer (&info, g_match_info_unref);

  text = strip_tags (decoded);
  plain = undo_obfuscation (text);
  for (g_regex_match (address, plain, 0, &info); g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *email = g_match_info_fetch (info, 0);
      add_address (found, email);
    }
  return g_steal_pointer (&found);
}

/* ---- which pages ---- */

/* "www.example.com" and "example.com" are the same site. */
static const char *
site_host (const char *host)
{
  if (host != NULL && g_ascii_strncasecmp (host, "www.", 4) == 0)
    return host + 4;
  return host;
}

static gboolean
same_site (GUri *a,
           GUri *b)
{
  const char *scheme = g_uri_get_scheme (b);

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (a) != NULL && g_uri_get_host (b) != NULL &&
         g_ascii_strcasecmp (site_host (g_uri_get_host (a)), site_host (g_uri_get_host (b))) == 0;
}

/**
 * bb_contacts_site_for:
 * @mail_domain: the domain of the client's address
 *
 * Returns: the web site to try first: https://DOMAIN/
 */
char *
bb_contacts_site_for (const char *mail_domain)
{
  return g_strdup_printf ("https://%s/", mail_domain);
}

static const char *const contact_words[] = {
  "contact", "kontakt", "contacto", "contatti", "contato", "about", "impressum", "imprint", "get-in-touch",
  "reach-us", "联系", "聯繫", "聯絡", "关于", "關於", NULL
};

static gboolean
says_contact (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; contact_words[i] != NULL; i++)
    if (strstr (lower, contact_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Links on @html whose address or text says "contact", on the same site. */
static GPtrArray *
contact_links (GUri       *base,
               const char *html)
{
  g_autoptr (GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) anchor = g_regex_new ("<a\\s[^>]*?href\\s*=\\s*[\"']?([^\"'\\s>]+)[\"']?[^>]*>(.*?)</a\\s*>",
                                           G_REGEX_CASELESS | G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;

  for (g_regex_match (anchor, html, 0, &info); g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *href = g_match_info_fetch (info, 1);
      g_autofree char *label = g_match_info_fetch (info, 2);
      g_autofree char *label_text = strip_tags (label);
      g_autofree char *href_text = g_uri_unescape_string (href, NULL);
      g_autoptr (GUri) target = NULL;
      g_autofree char *url = NULL;
      gboolean         seen = FALSE;

      if (!says_contact (href_text != NULL ? href_text : href) && !says_contact (label_text))
        continue;
      target = g_uri_parse_relative (base, href, G_URI_FLAGS_NONE, NULL);
      if (target == NULL || !same_site (base, target))
        continue;
      url = g_uri_to_string_partial (target, G_URI_HIDE_FRAGMENT);
      for (guint i = 0; i < links->len; i++)
        seen = seen || strcmp (g_ptr_array_index (links, i), url) == 0;
      if (!seen)
        g_ptr_array_add (links, g_steal_pointer (&url));
    }
  return g_steal_pointer (&links);
}

/* ---- fetching ---- */

typedef struct
{
  SoupSession *session;
  char        *mail_domain;
  GUri        *site;     /* where the search started */
  GQueue       queue;    /* char* URLs still to read */
  GHashTable  *queued;   /* every URL ever queued */
  guint        n_pages;  /* pages asked for */
  guint        n_redirects;
  guint        timeout_ms;
  gboolean     home_done;
  char        *current;  /* the URL being read */
  SoupMessage *message;
  GInputStream *stream;
  GByteArray  *body;
  BbNetLimit   limit;
  BbContactsResult *result;
} Finder;

static void
finder_free (gpointer data)
{
  Finder *finder = data;

  _bb_net_limit_stop (&finder->limit);
  g_clear_object (&finder->session);
  g_free (finder->mail_domain);
  g_clear_pointer (&finder->site, g_uri_unref);
  g_queue_clear_full (&finder->queue, g_free);
  g_clear_pointer (&finder->queued, g_hash_table_unref);
  g_free (finder->current);
  g_clear_object (&finder->message);
  g_clear_object (&finder->stream);
  g_clear_pointer (&finder->body, g_byte_array_unref);
  bb_contacts_result_free (finder->result);
  g_free (finder);
}

static void fetch_next (GTask *task);
static void fetch_url  (GTask      *task,
                        const char *url);

static void
queue_url (Finder     *finder,
           const char *url)
{
  if (g_hash_table_contains (finder->queued, url))
    return;
  g_hash_table_add (finder->queued, g_strdup (url));
  g_queue_push_tail (&finder->queue, g_strdup (url));
}

static void
page_error (Finder     *finder,
            const char *message)
{
  g_ptr_array_add (finder->result->errors, g_strdup_printf ("%s: %s", finder->current, message));
}

static const char *const role_names[] = {
  "info", "sales", "contact", "contacts", "office", "export", "enquiry", "enquiries", "inquiry", "inquiries",
  "hello", "service", "support", "admin", "purchase", "purchasing", "procurement", "buyer", "buying", "orders",
  "order", "marketing", "trade", "import", "mail", "kontakt", "ventas", "vendas", "vertrieb", "commercial", NULL
};

static gboolean
is_role (const char *address)
{
  const char *at = strchr (address, '@');
  g_autofree char *local = g_ascii_strdown (address, at - address);

  for (guint i = 0; role_names[i] != NULL; i++)
    if (strcmp (local, role_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
at_domain (const char *address,
           const char *domain)
{
  const char *at = strrchr (address, '@');

  return domain != NULL && at != NULL &&
         (g_ascii_strcasecmp (at + 1, domain) == 0 ||
          (g_str_has_suffix (at + 1, domain) && at[1 + strlen (at + 1) - strlen (domain) - 1] == '.'));
}

/* The usual places of a contact page, on @base's site. */
static void
queue_usual (Finder *finder,
             GUri   *base)
{
  static const char *const usual[] = { "/contact", "/contact-us", "/about" };

  for (guint i = 0; i < G_N_ELEMENTS (usual); i++)
    {
      g_autoptr (GUri) uri = g_uri_parse_relative (base, usual[i], G_URI_FLAGS_NONE, NULL);
      g_autofree char *url = uri != NULL ? g_uri_to_string (uri) : NULL;

      if (url != NULL)
        queue_url (finder, url);
    }
}

static void
take_page (GTask      *task,
           const char *html)
{
  Finder   *finder = g_task_get_task_data (task);
  g_autoptr (GPtrArray) found = bb_contacts_extract (html, -1);
  g_autoptr (GUri) base = g_uri_parse (finder->current, G_URI_FLAGS_NONE, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const char *address = g_ptr_array_index (found, i);
      gboolean    seen = FALSE;

      for (guint j = 0; j < finder->result->contacts->len; j++)
        seen = seen || g_ascii_strcasecmp (((BbContact *) g_ptr_array_index (finder->result->contacts, j))->address,
                                           address) == 0;
      if (!seen)
        {
          BbContact *contact = g_new0 (BbContact, 1);

          contact->address = g_strdup (address);
          contact->page = g_strdup (finder->current);
          contact->role = is_role (address);
          contact->same_domain = at_domain (address, finder->mail_domain) ||
                                 at_domain (address, site_host (g_uri_get_host (finder->site)));
          g_ptr_array_add (finder->result->contacts, contact);
        }
    }

  /* the home page tells where the contact pages are */
  if (!finder->home_done && base != NULL)
    {
      g_autoptr (GPtrArray) links = contact_links (base, html);

      for (guint i = 0; i < links->len && i < 3; i++)
        queue_url (finder, g_ptr_array_index (links, i));
      queue_usual (finder, base);
    }
  finder->home_done = TRUE;
}

/* The body in UTF-8, from the charset the server or the page states. */
static char *
body_text (SoupMessage *message,
           GByteArray  *body)
{
  GHashTable *params = NULL;
  const char *charset = NULL;
  g_autofree char *raw = g_strndup ((const char *) body->data, body->len);
  char       *converted = NULL;

  soup_message_headers_get_content_type (soup_message_get_response_headers (message), &params);
  if (params != NULL)
    charset = g_hash_table_lookup (params, "charset");
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 && g_ascii_strcasecmp (charset, "utf8") != 0)
    converted = g_convert_with_fallback (raw, -1, "UTF-8", charset, "?", NULL, NULL, NULL);
  g_clear_pointer (&params, g_hash_table_destroy);
  if (converted != NULL)
    return converted;
  return g_utf8_make_valid (raw, -1);
}

static void
page_done (GTask *task)
{
  Finder *finder = g_task_get_task_data (task);

  _bb_net_limit_stop (&finder->limit);
  g_clear_object (&finder->stream);
  g_clear_object (&finder->message);
  g_clear_pointer (&finder->body, g_byte_array_unref);
  fetch_next (task);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr (GTask) task = data;
  Finder *finder = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (chunk == NULL)
    {
      if (finder->limit.timed_out)
        page_error (finder, _ ("the page did not arrive in time"));
      else
        page_error (finder, error->message);
      page_done (task);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      g_autofree char *text = body_text (finder->message, finder->body);

      g_ptr_array_add (finder->result->pages, g_strdup (finder->current));
      take_page (task, text);
      page_done (task);
      return;
    }
  if (finder->body->len + g_bytes_get_size (chunk) > BB_CONTACTS_MAX_BYTES)
    {
      page_error (finder, _ ("larger than 2 MB, not read"));
      page_done (task);
      return;
    }
  g_byte_array_append (finder->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (finder->stream, 64 * 1024, G_PRIORITY_DEFAULT, finder->limit.cancellable,
                                   read_cb, g_steal_pointer (&task));
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr (GTask) task = data;
  Finder *finder = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  guint   status;
  const char *type;

  finder->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (finder->stream == NULL)
    {
      if (finder->limit.timed_out)
        page_error (finder, _ ("no answer in time"));
      else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) ||
               soup_message_get_tls_peer_certificate_errors (finder->message) != 0)
        page_error (finder, _ ("the site's security certificate is not valid; not read"));
      else
        page_error (finder, error->message);
      /* https://domain/ may only exist as https://www.domain/ */
      if (!finder->home_done && finder->n_pages == 1)
        {
          g_autoptr (GUri) uri = g_uri_parse (finder->current, G_URI_FLAGS_NONE, NULL);

          if (uri != NULL && g_uri_get_host (uri) != NULL && g_ascii_strncasecmp (g_uri_get_host (uri), "www.", 4) != 0 &&
              !g_hostname_is_ip_address (g_uri_get_host (uri)))
            {
              g_autofree char *www = g_strdup_printf ("%s://www.%s/", g_uri_get_scheme (uri), g_uri_get_host (uri));
              queue_url (finder, www);
            }
        }
      page_done (task);
      return;
    }

  status = soup_message_get_status (finder->message);
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (finder->message), "Location");
      g_autoptr (GUri) from = g_uri_parse (finder->current, G_URI_FLAGS_NONE, NULL);
      g_autoptr (GUri) to = location != NULL && from != NULL ? g_uri_parse_relative (from, location, G_URI_FLAGS_NONE, NULL) : NULL;
      g_autofree char *target = to != NULL ? g_uri_to_string (to) : NULL;

      _bb_net_limit_stop (&finder->limit);
      g_clear_object (&finder->stream);
      g_clear_object (&finder->message);
      if (to == NULL || !same_site (finder->site, to))
        {
          g_autofree char *message = g_strdup_printf (_ ("redirect to another site refused (%s)"),
                                                      location != NULL ? location : "?");
          page_error (finder, message);
          fetch_next (task);
        }
      else if (++finder->n_redirects > BB_CONTACTS_MAX_REDIRECTS)
        {
          page_error (finder, _ ("too many redirects"));
          fetch_next (task);
        }
      else
        {
          g_hash_table_add (finder->queued, g_strdup (target));
          fetch_url (task, target);
        }
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *message = g_strdup_printf (_ ("HTTP error %u"), status);

      page_error (finder, message);
      /* no home page: the usual contact pages may still be there */
      if (!finder->home_done)
        {
          g_autoptr (GUri) base = g_uri_parse (finder->current, G_URI_FLAGS_NONE, NULL);

          if (base != NULL)
            queue_usual (finder, base);
          finder->home_done = TRUE;
        }
      page_done (task);
      return;
    }
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (finder->message), NULL);
  if (type != NULL && g_ascii_strcasecmp (type, "text/html") != 0 && g_ascii_strcasecmp (type, "text/plain") != 0 &&
      g_ascii_strcasecmp (type, "application/xhtml+xml") != 0)
    {
      g_autofree char *message = g_strdup_printf (_ ("not a web page (%s)"), type);

      page_error (finder, message);
      page_done (task);
      return;
    }
  if (soup_message_headers_get_content_length (soup_message_get_response_headers (finder->message)) > BB_CONTACTS_MAX_BYTES)
    {
      page_error (finder, _ ("larger than 2 MB, not read"));
      page_done (task);
      return;
    }
  finder->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (finder->stream, 64 * 1024, G_PRIORITY_DEFAULT, finder->limit.cancellable,
                                   read_cb, g_steal_pointer (&task));
}

static void
fetch_url (GTask      *task,
           const char *url)
{
  Finder *finder = g_task_get_task_data (task);

  g_free (finder->current);
  finder->current = g_strdup (url);
  finder->message = soup_message_new (SOUP_METHOD_GET, url);
  if (finder->message == NULL)
    {
      page_error (finder, _ ("not a valid web address"));
      fetch_next (task);
      return;
    }
  /* redirects are checked here, one by one */
  soup_message_add_flags (finder->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (finder->message), "Accept",
                                "text/html, text/plain;q=0.8");
  _bb_net_limit_start (&finder->limit, g_task_get_cancellable (task), finder->timeout_ms);
  soup_session_send_async (finder->session, finder->message, G_PRIORITY_DEFAULT, finder->limit.cancellable,
                           send_cb, g_object_ref (task));
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  const BbContact *ca = *(BbContact **) a;
  const BbContact *cb = *(BbContact **) b;
  int              rank_a = (ca->same_domain ? 0 : 2) + (ca->role ? 0 : 1);
  int              rank_b = (cb->same_domain ? 0 : 2) + (cb->role ? 0 : 1);

  return rank_a - rank_b;
}

static void
fetch_next (GTask *task)
{
  Finder *finder = g_task_get_task_data (task);
  g_autofree char *url = NULL;

  /* enough: addresses found on the home page and one more page */
  if (finder->result->contacts->len > 0 && finder->result->pages->len >= 2)
    g_queue_clear_full (&finder->queue, g_free);
  url = g_queue_pop_head (&finder->queue);
  if (url == NULL || finder->n_pages >= BB_CONTACTS_MAX_PAGES)
    {
      BbContactsResult *result = g_steal_pointer (&finder->result);

      /* stable: the page order stays within each rank */
      g_ptr_array_sort (result->contacts, compare_contacts);
      g_task_return_pointer (task, result, (GDestroyNotify) bb_contacts_result_free);
      return;
    }
  finder->n_pages++;
  finder->n_redirects = 0;
  fetch_url (task, url);
}

/**
 * bb_contacts_session_new:
 *
 * Returns: (transfer full): a session for bb_contacts_find_async(): a
 *   clear user agent, 10 s time-outs, no cookie jar, certificates
 *   verified (libsoup's default)
 */
SoupSession *
bb_contacts_session_new (void)
{
  return soup_session_new_with_options ("user-agent", "Bounceback/" PACKAGE_VERSION
                                        " (looks up a company's published contact addresses on a user's request)",
                                        "timeout", BB_CONTACTS_TIMEOUT_S,
                                        "idle-timeout", BB_CONTACTS_TIMEOUT_S,
                                        NULL);
}

/**
 * bb_contacts_find_async:
 * @session: (nullable): the session, or %NULL for bb_contacts_session_new()
 * @site: (nullable): the company's web site as the user gives it, or
 *   %NULL for https://@mail_domain/
 * @mail_domain: (nullable): the domain of the client's address: its
 *   addresses come first
 * @timeout_ms: the limit for each page, or 0 for
 *   %BB_CONTACTS_TIMEOUT_S seconds
 *
 * Reads the site's home page and its likely contact pages (links that
 * say contact/about/联系, then /contact, /contact-us, /about), at most
 * %BB_CONTACTS_MAX_PAGES pages, and lists the addresses they publish.
 * Fails only when cancelled or @site is not an http(s) address; a site
 * that cannot be read gives an empty list with its errors.
 */
void
bb_contacts_find_async (SoupSession        *session,
                        const char         *site,
                        const char         *mail_domain,
                        guint               timeout_ms,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Finder          *finder = g_new0 (Finder, 1);
  g_autofree char *start = NULL;
  const char      *scheme;

  g_task_set_source_tag (task, bb_contacts_find_async);
  g_task_set_task_data (task, finder, finder_free);
  finder->session = session != NULL ? g_object_ref (session) : bb_contacts_session_new ();
  finder->mail_domain = mail_domain != NULL ? g_ascii_strdown (mail_domain, -1) : NULL;
  finder->timeout_ms = timeout_ms > 0 ? timeout_ms : BB_CONTACTS_TIMEOUT_S * 1000;
  finder->queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  finder->result = g_new0 (BbContactsResult, 1);
  finder->result->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) contact_free);
  finder->result->pages = g_ptr_array_new_with_free_func (g_free);
  finder->result->errors = g_ptr_array_new_with_free_func (g_free);

  if (site != NULL && strstr (site, "://") == NULL)
    start = g_strdup_printf ("https://%s", site);
  else if (site != NULL)
    start = g_strdup (site);
  else if (mail_domain != NULL)
    start = bb_contacts_site_for (mail_domain);
  finder->site = start != NULL ? g_uri_parse (start, G_URI_FLAGS_NONE, NULL) : NULL;
  scheme = finder->site != NULL ? g_uri_get_scheme (finder->site) : NULL;
  if (finder->site == NULL || g_uri_get_host (finder->site) == NULL || *g_uri_get_host (finder->site) == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _ ("“%s” is not a web site address (http or https)."), start != NULL ? start : "");
      return;
    }
  queue_url (finder, start);
  fetch_next (task);
}

/**
 * bb_contacts_find_finish:
 *
 * Returns: (transfer full): what was found, or %NULL with @error set
 */
BbContactsResult *
bb_contacts_find_finish (GAsyncResult *result,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
