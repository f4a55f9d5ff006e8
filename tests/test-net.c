/* test-net.c - the checks on request: the domain's mail servers (with a
 * table resolver: no real DNS), blocklist look-ups, the contact finder
 * against a local web server, and `bounceback-cli check-address`
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "bb-contact-finder.h"
#include "bb-core.h"
#include "bb-domain-check.h"
#include "bb-static-resolver.h"

static const char dns_table[] =
  "# a company with two mail servers, listed out of order\n"
  "MX client.example 20 mx2.client.example\n"
  "MX client.example 10 MX1.Client.Example.\n"
  "A  gmail.com 192.0.2.200\n"
  "A  web-only.example 192.0.2.7\n"
  "NS dead-mail.example ns1.example.net\n"
  "MX nullmx.example 0 .\n"
  "HANG slow.example\n"
  "FAIL broken.example\n"
  "A 2.113.0.203.zen.spamhaus.org 127.0.0.4\n"
  "A 2.113.0.203.bl.spamcop.net 127.255.255.254\n"
  "HANG 2.113.0.203.psbl.surriel.com\n";

/* ---- running async calls to the end ---- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* ---- domain checks ---- */

static BbDomainReport *
check_domain (GResolver  *resolver,
              const char *domain,
              guint       timeout_ms,
              GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  bb_domain_check_async (resolver, domain, NULL, timeout_ms, NULL, store_result_cb, &result);
  return bb_domain_check_finish (wait_for (&result), error);
}

static void
test_domain_status (void)
{
  g_autoptr (GResolver) resolver = bb_static_resolver_new_from_text (dns_table);
  const struct
  {
    const char    *domain;
    BbDomainStatus status;
    const char    *mx; /* joined with spaces; NULL: not looked up */
  } cases[] = {
    { "client.example", BB_DOMAIN_STATUS_OK, "mx1.client.example mx2.client.example" },
    { "CLIENT.example.", BB_DOMAIN_STATUS_OK, "mx1.client.example mx2.client.example" },
    { "web-only.example", BB_DOMAIN_STATUS_NO_MX, "" },
    { "nullmx.example", BB_DOMAIN_STATUS_NULL_MX, "" },
    { "dead-mail.example", BB_DOMAIN_STATUS_NO_MAIL_SERVER, "" },
    /* not found, and the well-known name resolves: NXDOMAIN */
    { "nowhere.example", BB_DOMAIN_STATUS_NO_SUCH_DOMAIN, "" },
    { "broken.example", BB_DOMAIN_STATUS_OFFLINE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BbDomainReport) report = check_domain (resolver, cases[i].domain, 2000, &error);
      g_autofree char *mx = NULL;

      g_test_message ("%s", cases[i].domain);
      g_assert_no_error (error);
      g_assert_cmpint (report->status, ==, cases[i].status);
      mx = report->mx != NULL ? g_strjoinv (" ", report->mx) : NULL;
      g_assert_cmpstr (mx, ==, cases[i].mx);
      g_assert_true ((report->error != NULL) == (cases[i].status == BB_DOMAIN_STATUS_OFFLINE));
    }

  /* not a domain at all */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BbDomainReport) report = check_domain (resolver, "no spaces.example", 2000, &error);

    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

/* A resolver that answers "not found" to everything is offline, not a
 * verdict that the domain is dead. */
static void
test_domain_offline (void)
{
  g_autoptr (GResolver) nothing = bb_static_resolver_new_from_text ("");
  g_autoptr (GError) error = NULL;
  g_autoptr (BbDomainReport) report = check_domain (nothing, "client.example", 2000, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->status, ==, BB_DOMAIN_STATUS_OFFLINE);
  g_assert_null (report->mx);
  g_assert_nonnull (report->error);
  g_assert_cmpstr (bb_domain_status_to_string (report->status), ==, "offline");
}

static void
test_domain_timeout (void)
{
  g_autoptr (GResolver) resolver = bb_static_resolver_new_from_text (dns_table);
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (BbDomainReport) report = check_domain (resolver, "slow.example", 300, &error);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_assert_no_error (error);
  g_assert_cmpint (report->status, ==, BB_DOMAIN_STATUS_OFFLINE);
  g_assert_nonnull (strstr (report->error, "did not answer"));
  /* given up at the limit, not much later */
  g_assert_cmpint (elapsed, >=, 250 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);

  /* the caller's cancel ends it at once, as cancelled */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (BbDomainReport) none = NULL;
    g_autoptr (GError) cancelled = NULL;

    bb_domain_check_async (resolver, "slow.example", NULL, 60000, cancellable, store_result_cb, &result);
    g_cancellable_cancel (cancellable);
    none = bb_domain_check_finish (wait_for (&result), &cancelled);
    g_assert_null (none);
    g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

static void
test_dnsbl (void)
{
  g_autoptr (GResolver) resolver = bb_static_resolver_new_from_text (dns_table);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  guint n_listed = 0;

  bb_dnsbl_check_async (resolver, "203.0.113.2", 300, NULL, store_result_cb, &result);
  results = bb_dnsbl_check_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, >=, 5);
  for (guint i = 0; i < results->len; i++)
    {
      BbDnsblResult *r = g_ptr_array_index (results, i);

      if (strcmp (r->list_id, "spamhaus-zen") == 0)
        {
          g_assert_cmpint (r->status, ==, BB_DNSBL_LISTED);
          g_assert_cmpstr (r->answer, ==, "127.0.0.4");
        }
      /* Spamhaus-style refusal code: unknown, never listed */
      else if (strcmp (r->list_id, "spamcop") == 0)
        g_assert_cmpint (r->status, ==, BB_DNSBL_UNKNOWN);
      /* too slow: unknown */
      else if (strcmp (r->list_id, "psbl") == 0)
        g_assert_cmpint (r->status, ==, BB_DNSBL_UNKNOWN);
      else
        g_assert_cmpint (r->status, ==, BB_DNSBL_CLEAN);
      n_listed += r->status == BB_DNSBL_LISTED;
    }
  g_assert_cmpuint (n_listed, ==, 1);

  g_clear_object (&result);
  bb_dnsbl_check_async (resolver, "192.168.1.1", 300, NULL, store_result_cb, &result);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = bb_dnsbl_check_finish (wait_for (&result), &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* ---- addresses on a page ---- */

static char *
extract_joined (const char *html)
{
  g_autoptr (GPtrArray) found = bb_contacts_extract (html, -1);

  g_ptr_array_add (found, NULL);
  return g_strjoinv (" ", (char **) found->pdata);
}

static void
test_extract (void)
{
  const struct
  {
    const char *html;
    const char *expected;
  } cases[] = {
    { "<a href=\"mailto:Sales@ACME.example?subject=Hi\">Write</a>", "Sales@acme.example" },
    { "<a href='mailto:a%40acme.example,b@acme.example'>x</a>", "a@acme.example b@acme.example" },
    { "<p>Mail: info&#64;acme.example or hr&#x40;acme.example &commat; x</p>", "info@acme.example hr@acme.example" },
    { "<p>john [at] acme [dot] example</p>", "john@acme.example" },
    { "<p>export(at)acme.example.</p>", "export@acme.example" },
    { "<p>purchase { AT } acme { DOT } co { DOT } uk</p>", "purchase@acme.co.uk" },
    { "<p>write to mary at acme dot example today</p>", "mary@acme.example" },
    { "<p>销售：sales＠acme.example</p>", "sales@acme.example" },
    { "<p>邮箱：li（at）acme.example</p>", "li@acme.example" },
    /* Cloudflare: key 0x42, "a@b.co" */
    { "<a class=\"__cf_email__\" data-cfemail=\"42230200206c2d2d\">[email protected]</a>", NULL },
    /* not addresses */
    { "<img src=\"logo@2x.png\"> <img srcset=\"hero@3x.webp\">", "" },
    { "<input placeholder=\"you@example.com\">", "" },
    { "<script>var x = 'bot@tracker.example';</script><style>a{}</style><p>ok@acme.example</p>", "ok@acme.example" },
    { "<p>a.b@acme.example, a.b@ACME.example</p>", "a.b@acme.example" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = extract_joined (cases[i].html);

      g_test_message ("%s", cases[i].html);
      if (cases[i].expected != NULL)
        g_assert_cmpstr (found, ==, cases[i].expected);
    }
  {
    /* Cloudflare's protection: the key byte, then each byte XOR the key */
    const char *plain = "info@acme.example";
    GString    *hex = g_string_new ("<a data-cfemail=\"5a");
    g_autofree char *found = NULL;
    g_autofree char *html = NULL;

    for (const char *p = plain; *p != '\0'; p++)
      g_string_append_printf (hex, "%02x", (guint) ((guchar) *p ^ 0x5a));
    g_string_append (hex, "\">[email&#160;protected]</a>");
    html = g_string_free (hex, FALSE);
    found = extract_joined (html);
    g_assert_cmpstr (found, ==, "info@acme.example");
  }
  /* binary junk does not crash it */
  {
    g_autoptr (GPtrArray) found = bb_contacts_extract ("\xff\xfe<a href=mailto:\x80@\x81>", -1);
    g_assert_nonnull (found);
  }
}

/* ---- a local web site ---- */

typedef struct
{
  SoupServer *server;
  char       *base; /* "http://127.0.0.1:PORT" */
  GPtrArray  *seen_cookies;
  GPtrArray  *seen_agents;
  GPtrArray  *paused;
} Site;

static const char home_page[] =
  "<html><head><title>ACME Trading</title></head><body>"
  "<nav><a href=\"/\">Home</a> <a href=\"/products\">Products</a> "
  "<a href=\"/team/reach.html\">Contact us</a> <a href=\"https://elsewhere.example/contact\">Partner contact</a></nav>"
  "<p>Questions? john [at] acme [dot] test</p></body></html>";

static const char contact_page[] =
  "<html><body><h1>联系我们</h1>"
  "<p>Sales: <a href=\"mailto:sales@acme.test\">sales@acme.test</a></p>"
  "<p>Export manager: mary(at)acme.test</p>"
  "<p>Our agent: agent@partner.example</p>"
  "<img src=\"logo@2x.png\"></body></html>";

static void
site_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  Site               *site = data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char         *cookie = soup_message_headers_get_one (request, "Cookie");

  g_ptr_array_add (site->seen_cookies, g_strdup (cookie != NULL ? cookie : ""));
  g_ptr_array_add (site->seen_agents, g_strdup (soup_message_headers_get_one (request, "User-Agent")));
  soup_message_headers_append (response, "Set-Cookie", "session=secret; Path=/");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);

  if (strcmp (path, "/") == 0)
    soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, home_page, strlen (home_page));
  else if (strcmp (path, "/team/reach.html") == 0)
    soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, contact_page,
                                      strlen (contact_page));
  else if (strcmp (path, "/moved") == 0)
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/");
  else if (strcmp (path, "/away") == 0)
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "http://elsewhere.example/");
  else if (strcmp (path, "/ftp") == 0)
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "ftp://127.0.0.1/contacts.txt");
  else if (strcmp (path, "/loop") == 0)
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (strcmp (path, "/big") == 0)
    {
      gsize  size = 3 * 1024 * 1024;
      char  *body = g_malloc (size);

      memset (body, 'a', size);
      memcpy (body, "<p>big@acme.test</p>", 20);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, body, size);
    }
  else if (strcmp (path, "/slow") == 0)
    {
      /* never answers while the test waits */
      soup_server_message_pause (msg);
      g_ptr_array_add (site->paused, g_object_ref (msg));
    }
  else if (strcmp (path, "/contact") == 0)
    {
      static const char gbk[] = "<p>\xc1\xaa\xcf\xb5\xc8\xcb: wang@acme.test</p>"; /* 联系人 in GBK */
      soup_server_message_set_response (msg, "text/html; charset=GBK", SOUP_MEMORY_STATIC, gbk, strlen (gbk));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
site_start (Site *site)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;
  g_autofree char *uri = NULL;

  site->server = soup_server_new (NULL, NULL);
  site->seen_cookies = g_ptr_array_new_with_free_func (g_free);
  site->seen_agents = g_ptr_array_new_with_free_func (g_free);
  site->paused = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (site->server, NULL, site_handler, site, NULL);
  g_assert_true (soup_server_listen_local (site->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (site->server);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (uri, "/"))
    uri[strlen (uri) - 1] = '\0';
  site->base = g_steal_pointer (&uri);
}

static void
site_stop (Site *site)
{
  for (guint i = 0; i < site->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (site->paused, i));
  g_clear_pointer (&site->paused, g_ptr_array_unref);
  soup_server_disconnect (site->server);
  g_clear_object (&site->server);
  g_clear_pointer (&site->seen_cookies, g_ptr_array_unref);
  g_clear_pointer (&site->seen_agents, g_ptr_array_unref);
  g_free (site->base);
}

static BbContactsResult *
find (Site       *site,
      const char *path,
      guint       timeout_ms)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = g_strconcat (site->base, path, NULL);
  BbContactsResult *found;

  bb_contacts_find_async (NULL, url, "acme.test", timeout_ms, NULL, store_result_cb, &result);
  found = bb_contacts_find_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return found;
}

static char *
addresses_of (BbContactsResult *result)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < result->contacts->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            ((BbContact *) g_ptr_array_index (result->contacts, i))->address);
  return g_string_free (out, FALSE);
}

static gboolean
has_error (BbContactsResult *result,
           const char       *part)
{
  for (guint i = 0; i < result->errors->len; i++)
    if (strstr (g_ptr_array_index (result->errors, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_contacts_site (void)
{
  Site site = { 0 };
  g_autoptr (BbContactsResult) result = NULL;
  g_autofree char *found = NULL;

  site_start (&site);
  result = find (&site, "/", 5000);
  found = addresses_of (result);
  /* role addresses at the client's domain first, then people there,
   * then other domains; the image name is not an address */
  g_assert_cmpstr (found, ==, "sales@acme.test john@acme.test mary@acme.test agent@partner.example");
  g_assert_true (((BbContact *) g_ptr_array_index (result->contacts, 0))->role);
  g_assert_true (((BbContact *) g_ptr_array_index (result->contacts, 0))->same_domain);
  g_assert_false (((BbContact *) g_ptr_array_index (result->contacts, 3))->same_domain);
  g_assert_true (g_str_has_suffix (((BbContact *) g_ptr_array_index (result->contacts, 0))->page, "/team/reach.html"));
  /* the home page and the page its "Contact us" link names: enough */
  g_assert_cmpuint (result->pages->len, ==, 2);
  /* the other site's contact link was not followed */
  for (guint i = 0; i < result->pages->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (result->pages, i), site.base));
  /* a clear user agent, and the cookie the site set was not sent back */
  for (guint i = 0; i < site.seen_agents->len; i++)
    {
      g_assert_nonnull (strstr (g_ptr_array_index (site.seen_agents, i), "Bounceback/"));
      g_assert_cmpstr (g_ptr_array_index (site.seen_cookies, i), ==, "");
    }
  site_stop (&site);
}

static void
test_contacts_limits (void)
{
  Site site = { 0 };

  site_start (&site);
  {
    /* a redirect on the same site is followed */
    g_autoptr (BbContactsResult) result = find (&site, "/moved", 5000);
    g_autofree char *found = addresses_of (result);

    g_assert_nonnull (strstr (found, "sales@acme.test"));
  }
  {
    /* to another site or another scheme: refused */
    g_autoptr (BbContactsResult) away = find (&site, "/away", 5000);
    g_autoptr (BbContactsResult) ftp = find (&site, "/ftp", 5000);

    g_assert_cmpuint (away->contacts->len, ==, 0);
    g_assert_true (has_error (away, "redirect to another site refused (http://elsewhere.example/)"));
    g_assert_cmpuint (ftp->contacts->len, ==, 0);
    g_assert_true (has_error (ftp, "redirect to another site refused"));
  }
  {
    g_autoptr (BbContactsResult) loop = find (&site, "/loop", 5000);

    g_assert_true (has_error (loop, "too many redirects"));
  }
  {
    /* over 2 MB: not read, its address not taken; the usual contact
     * pages are still tried (/contact answers in GBK) */
    g_autoptr (BbContactsResult) big = find (&site, "/big", 5000);
    g_autofree char *found = addresses_of (big);

    g_assert_true (has_error (big, "larger than 2 MB"));
    g_assert_null (strstr (found, "big@acme.test"));
  }
  {
    /* too slow: given up at the limit */
    gint64 start = g_get_monotonic_time ();
    g_autoptr (BbContactsResult) slow = find (&site, "/slow", 400);

    g_assert_true (has_error (slow, "in time"));
    g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
  }
  {
    /* a missing home page: the usual contact pages, in their charset */
    g_autoptr (BbContactsResult) missing = find (&site, "/nothing-here", 5000);
    g_autofree char *found = addresses_of (missing);

    g_assert_true (has_error (missing, "HTTP error 404"));
    g_assert_cmpstr (found, ==, "wang@acme.test");
  }
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (BbContactsResult) none = NULL;

    bb_contacts_find_async (NULL, "file:///etc/passwd", NULL, 1000, NULL, store_result_cb, &result);
    none = bb_contacts_find_finish (wait_for (&result), &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
  site_stop (&site);
}

/* ---- the CLI contract ---- */

static JsonObject *
run_cli (const char *const *args,
         const char        *dns_path,
         int               *status)
{
  const char *cli = g_getenv ("BOUNCEBACK_CLI");
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_assert_nonnull (cli);
  g_subprocess_launcher_setenv (launcher, "BOUNCEBACK_DNS_TABLE", dns_path, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, "check-address");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  /* the main loop keeps serving the local site meanwhile */
  g_subprocess_communicate_utf8_async (process, NULL, NULL, store_result_cb, &result);
  g_assert_true (g_subprocess_communicate_utf8_finish (process, wait_for (&result), &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  *status = g_subprocess_get_exit_status (process);
  /* one line, one object */
  g_assert_true (g_str_has_suffix (out, "}\n"));
  g_assert_true (strchr (out, '\n') == out + strlen (out) - 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static void
assert_keys (JsonObject *object)
{
  const char *const keys[] = { "suggestion", "mx", "domain_status", "contacts", "error" };

  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bb-net-XXXXXX", NULL);
  g_autofree char *dns = g_build_filename (dir, "dns.txt", NULL);
  Site site = { 0 };
  int  status = -1;

  g_assert_true (g_file_set_contents (dns, dns_table, -1, NULL));
  site_start (&site);
  {
    /* full-width forms first; the domain has mail servers */
    const char *args[] = { "--json", "tom＠client。example", NULL };
    g_autoptr (JsonObject) o = run_cli (args, dns, &status);
    JsonArray *mx;

    assert_keys (o);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (json_object_get_null_member (o, "suggestion"));
    g_assert_cmpstr (json_object_get_string_member (o, "domain_status"), ==, "ok");
    mx = json_object_get_array_member (o, "mx");
    g_assert_cmpuint (json_array_get_length (mx), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (mx, 0), ==, "mx1.client.example");
    g_assert_true (json_object_get_null_member (o, "contacts"));
    g_assert_true (json_object_get_null_member (o, "error"));
  }
  {
    /* offline: the typo only, nothing looked up */
    const char *args[] = { "--json", "--offline", "li@gmial.con", NULL };
    g_autoptr (JsonObject) o = run_cli (args, dns, &status);

    assert_keys (o);
    g_assert_cmpstr (json_object_get_string_member (o, "suggestion"), ==, "li@gmail.com");
    g_assert_true (json_object_get_null_member (o, "mx"));
    g_assert_cmpstr (json_object_get_string_member (o, "domain_status"), ==, "not-checked");
  }
  {
    const char *args[] = { "--json", "li@nowhere.example", NULL };
    g_autoptr (JsonObject) o = run_cli (args, dns, &status);

    g_assert_cmpstr (json_object_get_string_member (o, "domain_status"), ==, "no-such-domain");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "mx")), ==, 0);
  }
  {
    const char *args[] = { "--json", "li@broken.example", NULL };
    g_autoptr (JsonObject) o = run_cli (args, dns, &status);

    g_assert_cmpstr (json_object_get_string_member (o, "domain_status"), ==, "offline");
    g_assert_nonnull (json_object_get_string_member (o, "error"));
  }
  {
    /* the company's site, given by the user */
    g_autofree char *url = g_strconcat (site.base, "/", NULL);
    const char *args[] = { "--json", "--contacts", "--site", url, "tom@acme.test", NULL };
    g_autoptr (JsonObject) o = run_cli (args, dns, &status);
    JsonArray *contacts;

    assert_keys (o);
    if (!json_object_get_null_member (o, "error"))
      g_test_message ("error: %s", json_object_get_string_member (o, "error"));
    contacts = json_object_get_array_member (o, "contacts");
    g_assert_cmpuint (json_array_get_length (contacts), ==, 4);
    g_assert_cmpstr (json_array_get_string_element (contacts, 0), ==, "sales@acme.test");
  }
  {
    const char *args[] = { "--json", "not-an-address", NULL };
    g_autoptr (JsonObject) o = run_cli (args, dns, &status);

    assert_keys (o);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (json_object_get_string_member (o, "error"));
  }
  site_stop (&site);
  g_unlink (dns);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* the local site is reached directly, whatever proxy the machine has */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();

  g_test_add_func ("/bb/net/domain/status", test_domain_status);
  g_test_add_func ("/bb/net/domain/offline", test_domain_offline);
  g_test_add_func ("/bb/net/domain/timeout", test_domain_timeout);
  g_test_add_func ("/bb/net/dnsbl", test_dnsbl);
  g_test_add_func ("/bb/net/contacts/extract", test_extract);
  g_test_add_func ("/bb/net/contacts/site", test_contacts_site);
  g_test_add_func ("/bb/net/contacts/limits", test_contacts_limits);
  g_test_add_func ("/bb/net/cli", test_cli);
  return g_test_run ();
}
