#!/usr/bin/env python3
# tools/demo-log.py - write made-up bounces dated in the last few months,
# for screenshots of the Insights page (and to try the app on a log that
# looks used)
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/demo-log.py OUT_DIR [N]
#   Writes N (default 160) RFC 3464 bounce notices, one per .eml file,
#   dated over the last 16 weeks before now (more of them lately, so the
#   trend rises), with the usual mix of reasons and a burst of bounces
#   from one domain yesterday.  Then, e.g.:
#     BOUNCEBACK_DB=/tmp/demo.db bounceback-cli log import OUT_DIR
# The same seed gives the same files for the same day.

import datetime
import os
import random
import sys

# (status, diagnostic): reasons the engine sorts into different categories
REASONS = [
    (30, "5.1.1", "550 5.1.1 <{a}>: Recipient address rejected: User unknown in virtual mailbox table"),
    (14, "4.2.2", "452 4.2.2 <{a}>: Mailbox full, quota exceeded"),
    (10, "5.1.2", "550 5.1.2 Host or domain name not found. Name service error for name={d} type=A: Host not found"),
    (8, "5.7.1", "554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org"),
    (6, "5.7.1", "550 5.7.1 Message rejected as spam by Content Filtering"),
    (6, "4.7.0", "421 4.7.0 Too many messages from your IP, try again later (rate limited)"),
    (8, "4.4.1", "451 4.4.1 Connection timed out"),
    (3, "5.7.26", "550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). DMARC policy"),
    (2, "5.3.4", "552 5.3.4 Message size exceeds fixed maximum message size"),
]
DOMAINS = [
    (14, "gmail.com"), (10, "qq.com"), (8, "163.com"), (8, "outlook.com"), (6, "yahoo.com"),
    (5, "acme-import.de"), (4, "globaltrade.com.br"), (4, "mail.ru"), (3, "hotmail.com"),
    (3, "sunrise-textiles.in"), (2, "nordic-tools.se"), (2, "126.com"),
]
NAMES = ["anna", "li.wei", "purchasing", "info", "sales", "m.rossi", "j.smith", "buyer", "office", "k.tanaka",
         "import", "chen", "procurement", "contact", "a.garcia", "n.ivanova"]


def pick(rng, weighted):
    total = sum(w for w, *_ in weighted)
    r = rng.uniform(0, total)
    for item in weighted:
        r -= item[0]
        if r <= 0:
            return item[1:]
    return weighted[-1][1:]


def notice(date, address, status, diagnostic, unique):
    domain = address.split("@")[1]
    diagnostic = diagnostic.format(a=address, d=domain)
    return f"""From: MAILER-DAEMON@mx.example.net
To: sales@example.com
Subject: Undelivered Mail Returned to Sender
Date: {date.strftime('%a, %d %b %Y %H:%M:%S +0000')}
Message-ID: <demo-{unique}@mx.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

This is the mail system at host mx.example.net.
I'm sorry to have to inform you that your message could not be delivered.

<{address}>: host mx.{domain} said: {diagnostic}

--b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; {address}
Action: failed
Status: {status}
Diagnostic-Code: smtp; {diagnostic}

--b
Content-Type: text/rfc822-headers; charset=utf-8

From: Li Wei <sales@example.com>
To: {address}
Subject: Quotation for order {unique}
Message-ID: <orig-{unique}@example.com>

--b--
"""


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: demo-log.py OUT_DIR [N]")
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 160
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    rng = random.Random(now.date().isoformat())
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        # more lately: the age in days leans towards 0
        age = min(int(rng.triangular(0, 112, 0)), 111)
        date = now - datetime.timedelta(days=age, hours=rng.randint(0, 10), minutes=rng.randint(0, 59))
        if date > now:
            date = now
        domain, = pick(rng, DOMAINS)
        status, diagnostic = pick(rng, REASONS)
        address = f"{rng.choice(NAMES)}{i}@{domain}"
        with open(os.path.join(out, f"demo-{i:04d}.eml"), "w") as f:
            f.write(notice(date, address, status, diagnostic, f"{i:04d}"))
    # A burst: one domain refused eight mails yesterday morning
    yesterday = (now - datetime.timedelta(days=1)).replace(hour=9, minute=0, second=0)
    for j in range(8):
        address = f"{NAMES[j]}.burst@acme-import.de"
        with open(os.path.join(out, f"demo-burst-{j}.eml"), "w") as f:
            f.write(notice(yesterday + datetime.timedelta(minutes=7 * j), address, "4.7.0",
                           "421 4.7.0 Too many messages from your IP, try again later (rate limited)", f"b{j}"))


if __name__ == "__main__":
    main()
