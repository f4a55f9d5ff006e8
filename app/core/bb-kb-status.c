/* bb-kb-status.c - enhanced status codes and SMTP reply codes in plain words
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-kb.h"

#include <string.h>

typedef struct
{
  const char *code;       /* "X.1.1" for any class, or "5.2.2" for one */
  gboolean    registered; /* in the IANA registry (RFC 3463, RFC 5248 …) */
  const char *title;
  const char *explanation;
} StatusEntry;

/* Every code of the IANA "SMTP Enhanced Status Codes" registry has an
 * "X." entry written so that it reads right for 4.x.x and 5.x.x alike.
 * Where the class changes what the rep should do (a full mailbox that the
 * server still retries versus one it gave up on, greylisting versus a
 * refusal), a class-specific entry comes first.  Class 2 (success) only
 * has its own entries: "2.1.1" would be nonsense, and we would rather say
 * "delivered" than explain a failure. */
static const StatusEntry status_entries[] = {
  /* Class-specific nuance, looked up before the "X." entries */
  { "2.0.0", TRUE,
    N_ ("Delivered"),
    N_ ("Success: the message was accepted. This is not a failure.") },
  { "2.1.5", TRUE,
    N_ ("Address is valid"),
    N_ ("A positive report: the recipient's address was checked and "
        "accepts mail. Nothing went wrong.") },
  { "2.6.4", TRUE,
    N_ ("Delivered with some conversion"),
    N_ ("The message was delivered, but part of it had to be converted and "
        "may look slightly different. This is not a failure.") },
  { "4.0.0", TRUE,
    N_ ("Temporary failure, no detail"),
    N_ ("A temporary problem, without any detail in the code. The sending "
        "server usually keeps trying for a while; the server's own words in "
        "the notice tell the cause.") },
  { "5.0.0", TRUE,
    N_ ("Permanent failure, no detail"),
    N_ ("The message was refused for good, but the code itself gives no "
        "reason. Some providers, NetEase for example, always use this code, "
        "so read the server's own words in the notice for the real cause.") },
  { "4.2.1", TRUE,
    N_ ("Mailbox not taking mail right now"),
    N_ ("The recipient's mailbox is not accepting mail at the moment, often "
        "because it is receiving too much at once. The server tries again; "
        "send again later if it finally fails.") },
  { "4.2.2", TRUE,
    N_ ("Mailbox is full for now"),
    N_ ("The recipient's mailbox is full at the moment. The sending server "
        "keeps trying for a while; if it gives up, send again in a day or "
        "two.") },
  { "5.2.2", TRUE,
    N_ ("Mailbox is full"),
    N_ ("The recipient's mailbox is full and the server has stopped trying. "
        "It often clears once they delete old mail: send a shorter message "
        "again in a day or two, or contact them another way.") },
  { "4.3.0", TRUE,
    N_ ("Temporary fault at the receiving server"),
    N_ ("The recipient's mail system had a temporary fault. Nobody has to "
        "act yet: the sending server tries again by itself.") },
  { "4.3.2", TRUE,
    N_ ("Server not accepting mail right now"),
    N_ ("The recipient's server is not taking mail at the moment, for "
        "maintenance or because it is overloaded. The sending server tries "
        "again; nothing to do yet.") },
  { "5.3.2", TRUE,
    N_ ("Server does not accept mail"),
    N_ ("The recipient's server refuses mail for good. The address or the "
        "domain may no longer be in use: find another way to reach the "
        "client.") },
  { "4.4.4", TRUE,
    N_ ("Cannot reach the domain yet"),
    N_ ("No mail server was found for the recipient's domain this time. It "
        "may be a passing DNS fault; if it keeps failing, check the spelling "
        "of the domain.") },
  { "5.4.4", TRUE,
    N_ ("Domain cannot receive mail"),
    N_ ("No mail server exists for the recipient's domain. The domain is "
        "probably misspelt or has expired: check it against the client's "
        "website or business card.") },
  { "4.4.7", TRUE,
    N_ ("Delivery is delayed"),
    N_ ("The message has not been delivered yet and the server is still "
        "trying. This is only a warning: do not resend yet.") },
  { "5.4.7", TRUE,
    N_ ("Delivery gave up after retrying"),
    N_ ("The sending server kept trying, often for days, and has now given "
        "up. The message was not delivered: send it again later or reach the "
        "client another way.") },
  { "4.5.3", TRUE,
    N_ ("Too many recipients for now"),
    N_ ("The message had too many recipients for one go; the rest are tried "
        "again later. Sending to smaller groups avoids this.") },
  { "4.7.0", TRUE,
    N_ ("Held back for a security or policy reason"),
    N_ ("The message was held back for now by a security or policy check, "
        "often about the reputation or the volume of your sending server. "
        "The server tries again; sending less mail at once helps.") },
  { "4.7.1", TRUE,
    N_ ("Temporarily refused"),
    N_ ("The receiving server refused the message for now, often as a check "
        "on first contact (greylisting) or on reputation. The sending server "
        "normally tries again by itself.") },
  { "5.7.1", TRUE,
    N_ ("Refused by the receiving server"),
    N_ ("The receiving server refused this message. The code covers many "
        "reasons: a blocklist, a spam verdict or a rule of the recipient's "
        "company. The server's own words in the notice tell which.") },
  { "4.7.24", TRUE,
    N_ ("SPF record could not be checked"),
    N_ ("Your domain's SPF record could not be checked this time. If this "
        "repeats, your company's IT should check the record.") },
  { "4.7.28", TRUE,
    N_ ("Sending too fast"),
    N_ ("Too much similar mail arrived from your server in a short time, so "
        "it is held back for now. Send less and more slowly; the server tries "
        "again.") },

  /* X.0 Other */
  { "X.0.0", TRUE,
    N_ ("No detail given"),
    N_ ("The server gave only the broad class of the problem, with no detail. "
        "Read the server's own words in the notice to see what happened.") },

  /* X.1 Addressing */
  { "X.1.0", TRUE,
    N_ ("Address problem"),
    N_ ("Something is wrong with an address, either the recipient's or your "
        "own. The server's own words say which one.") },
  { "X.1.1", TRUE,
    N_ ("Mailbox does not exist"),
    N_ ("The part before the @ is unknown at the recipient's server: the "
        "address is misspelt, or the person has left. Sending again to the "
        "same address will not work.") },
  { "X.1.2", TRUE,
    N_ ("Domain does not exist"),
    N_ ("The part after the @ has no mail server: the domain is misspelt, has "
        "expired, or never took mail. Sending again will not work until the "
        "address is corrected.") },
  { "X.1.3", TRUE,
    N_ ("Address is badly written"),
    N_ ("The recipient's address is not a valid email address. Look for "
        "spaces, Chinese full-width characters such as ＠ or ，, or a missing "
        "dot.") },
  { "X.1.4", TRUE,
    N_ ("Address is ambiguous"),
    N_ ("The address matches more than one mailbox at the recipient's server, "
        "so it could not choose. Ask the client for their exact address.") },
  { "X.1.5", TRUE,
    N_ ("Address is valid"),
    N_ ("A positive report: the recipient's address was checked and "
        "accepts mail. Nothing went wrong.") },
  { "X.1.6", TRUE,
    N_ ("Mailbox has moved"),
    N_ ("The mailbox used to exist but has moved, and the server does not "
        "give the new address. The person has probably changed jobs or "
        "addresses.") },
  { "X.1.7", TRUE,
    N_ ("Your sender address is badly written"),
    N_ ("Your own sender address is not valid as written. This is a setting "
        "in your mail program or sending tool.") },
  { "X.1.8", TRUE,
    N_ ("Your sender domain is not valid"),
    N_ ("The recipient's server cannot verify your domain (the part after the "
        "@ in your address), so it could not send a reply to it. Your "
        "company's IT must check the domain's DNS records.") },
  { "X.1.9", TRUE,
    N_ ("Passed to a non-standard system"),
    N_ ("The message was handed on to a system that cannot confirm delivery. "
        "Usually it arrives; there is no error to fix.") },
  { "X.1.10", TRUE,
    N_ ("Domain accepts no mail"),
    N_ ("The recipient's domain states publicly that it takes no email at all "
        "(a so-called null MX record). Microsoft also uses this code when the "
        "address is not found. Find another address for this client.") },

  /* X.2 Mailbox */
  { "X.2.0", TRUE,
    N_ ("Mailbox problem"),
    N_ ("The mailbox exists but could not take the message, for a reason the "
        "code does not state. If it happens again, the mailbox may be out of "
        "use.") },
  { "X.2.1", TRUE,
    N_ ("Mailbox is disabled"),
    N_ ("The mailbox exists but is switched off or not accepting mail; often "
        "the person has left the company.") },
  { "X.2.2", TRUE,
    N_ ("Mailbox is full"),
    N_ ("The recipient's mailbox has no space left. This usually clears once "
        "they delete old mail, so it is worth trying again later.") },
  { "X.2.3", TRUE,
    N_ ("Message too big for this mailbox"),
    N_ ("The message is larger than this recipient's mailbox accepts. Make it "
        "smaller: send attachments as a download link instead.") },
  { "X.2.4", TRUE,
    N_ ("Mailing list problem"),
    N_ ("The address is a mailing list, and the list could not pass the "
        "message on to its members. The list's owner must fix it.") },

  /* X.3 Mail system */
  { "X.3.0", TRUE,
    N_ ("Receiving server problem"),
    N_ ("Something went wrong in the recipient's mail system. This is on "
        "their side and their IT usually fixes it.") },
  { "X.3.1", TRUE,
    N_ ("Receiving server is full"),
    N_ ("The recipient's mail server has run out of storage space. Their IT "
        "has to free space; try again later.") },
  { "X.3.2", TRUE,
    N_ ("Server not accepting mail"),
    N_ ("The recipient's server is not taking mail, for example during "
        "maintenance or because it is overloaded.") },
  { "X.3.3", TRUE,
    N_ ("Feature not supported"),
    N_ ("The message uses a feature the recipient's server cannot handle. A "
        "simpler message, in plain text without unusual attachments, usually "
        "gets through.") },
  { "X.3.4", TRUE,
    N_ ("Message too big for the server"),
    N_ ("The message is larger than the recipient's server accepts. Many "
        "company servers take only 10 to 20 MB, and attachments grow by about "
        "a third when sent. Send a download link instead of large files.") },
  { "X.3.5", TRUE,
    N_ ("Receiving server is misconfigured"),
    N_ ("The recipient's mail system is set up wrongly and cannot deliver. "
        "Only their IT can fix it; contact the client another way "
        "meanwhile.") },

  /* X.4 Network and routing */
  { "X.4.0", TRUE,
    N_ ("Network or routing problem"),
    N_ ("The message could not travel to the recipient's server because of a "
        "network or routing problem. This is usually temporary.") },
  { "X.4.1", TRUE,
    N_ ("No answer from the recipient's server"),
    N_ ("The recipient's server did not answer; it may be down or behind a "
        "firewall. Usually temporary; if it lasts for days, the domain may be "
        "out of use.") },
  { "X.4.2", TRUE,
    N_ ("Connection broken"),
    N_ ("The connection to the recipient's server broke off during delivery. "
        "Usually a passing problem; the server tries again.") },
  { "X.4.3", TRUE,
    N_ ("Domain look-up failed"),
    N_ ("Looking up the recipient's domain (DNS) failed for the moment. "
        "Usually a passing problem; if it repeats, check the spelling of the "
        "domain.") },
  { "X.4.4", TRUE,
    N_ ("Cannot find a route to the domain"),
    N_ ("No mail server could be found for the recipient's domain. Check that "
        "the domain is spelt right and still in use.") },
  { "X.4.5", TRUE,
    N_ ("Mail system congested"),
    N_ ("The mail system is overloaded right now. This is temporary: the "
        "message will be tried again.") },
  { "X.4.6", TRUE,
    N_ ("Routing loop"),
    N_ ("The message went round in circles between servers and was stopped. "
        "This is a setup fault on the recipient's side, sometimes a "
        "forwarding rule.") },
  { "X.4.7", TRUE,
    N_ ("Delivery time expired"),
    N_ ("The sending server tried for a long time and could not deliver in "
        "time. The real cause is in the earlier errors, usually a server that "
        "could not be reached.") },
  /* Only an Internet-Draft, not in the registry, but seen in the wild */
  { "X.4.8", FALSE,
    N_ ("Retry over IPv4"),
    N_ ("The receiving server asks to be contacted over the older IPv4 "
        "network. The sending server normally does this by itself.") },

  /* X.5 Mail protocol */
  { "X.5.0", TRUE,
    N_ ("Mail protocol problem"),
    N_ ("The two mail servers did not understand each other. This is a "
        "technical problem in the sending software or server.") },
  { "X.5.1", TRUE,
    N_ ("Invalid command"),
    N_ ("The sending server or program sent a command the receiving server "
        "did not expect. This is a software problem on the sending side.") },
  { "X.5.2", TRUE,
    N_ ("Command not understood"),
    N_ ("The receiving server did not understand a command from the sending "
        "server. The sending software or its settings need fixing.") },
  { "X.5.3", TRUE,
    N_ ("Too many recipients"),
    N_ ("The message was addressed to too many people at once. Send it in "
        "smaller groups, or one by one.") },
  { "X.5.4", TRUE,
    N_ ("Invalid command details"),
    N_ ("A command from the sending server had details the receiver refused, "
        "such as a wrong server name. Your mail provider or IT must fix the "
        "sending setup.") },
  { "X.5.5", TRUE,
    N_ ("Wrong protocol version"),
    N_ ("The two servers use incompatible versions of the mail protocol. This "
        "is a technical fault on the sending side.") },
  { "X.5.6", TRUE,
    N_ ("Login data too long"),
    N_ ("The login exchange with the server was too long. This is a setting "
        "of your mail program, not a refusal by the client.") },

  /* X.6 Content and media */
  { "X.6.0", TRUE,
    N_ ("Content problem"),
    N_ ("Something in the message's content or format was not accepted. A "
        "simpler version, in plain text with fewer attachments, usually "
        "helps.") },
  { "X.6.1", TRUE,
    N_ ("Content type not supported"),
    N_ ("The message contains a kind of content the recipient's system does "
        "not accept. Convert attachments to a common format such as PDF.") },
  { "X.6.2", TRUE,
    N_ ("Conversion not allowed"),
    N_ ("The message had to be converted to reach the recipient, but "
        "conversion was not allowed.") },
  { "X.6.3", TRUE,
    N_ ("Conversion not possible"),
    N_ ("The message had to be converted to an older format the recipient's "
        "server requires, and this was not possible.") },
  { "X.6.4", TRUE,
    N_ ("Converted with some loss"),
    N_ ("The message was delivered, but part of it had to be converted and "
        "may look slightly different. This is not a failure.") },
  { "X.6.5", TRUE,
    N_ ("Conversion failed"),
    N_ ("Converting the message for the recipient's system failed, so it was "
        "not delivered.") },
  { "X.6.6", TRUE,
    N_ ("Message content not available"),
    N_ ("The message content the server was told to fetch could not be found. "
        "This is a problem in the sending software.") },
  { "X.6.7", TRUE,
    N_ ("Non-Latin address not accepted"),
    N_ ("An address written with non-Latin characters, Chinese for example, "
        "cannot be handled on this route. Use an address in Latin "
        "letters.") },
  { "X.6.8", TRUE,
    N_ ("International text not supported"),
    N_ ("The message needs international (UTF-8) support that one of the "
        "servers does not have.") },
  { "X.6.9", TRUE,
    N_ ("International message could not be passed on"),
    N_ ("The message uses international characters in its headers and could "
        "not be converted for a server that does not support them.") },
  /* Registered as a duplicate of X.6.8, now deprecated */
  { "X.6.10", TRUE,
    N_ ("International text not supported"),
    N_ ("The message needs international (UTF-8) support that one of the "
        "servers does not have.") },

  /* X.7 Security and policy */
  { "X.7.0", TRUE,
    N_ ("Security or policy refusal"),
    N_ ("The message was refused for a security or policy reason. The "
        "server's own words tell which rule; often it is about your sending "
        "server or your login.") },
  { "X.7.1", TRUE,
    N_ ("Delivery not authorised"),
    N_ ("The message was refused by a security or policy rule. Read the "
        "server's own words to see whether it is about your server, your "
        "content or the recipient's settings.") },
  { "X.7.2", TRUE,
    N_ ("Mailing list refuses you"),
    N_ ("You are not allowed to send to this mailing list. Only the list's "
        "owner can allow it.") },
  { "X.7.3", TRUE,
    N_ ("Secure message conversion impossible"),
    N_ ("The message was encrypted or signed in a way that could not be "
        "converted for the recipient.") },
  { "X.7.4", TRUE,
    N_ ("Security feature not supported"),
    N_ ("A security feature that the message or the connection needs, such "
        "as a login method, is not supported.") },
  { "X.7.5", TRUE,
    N_ ("Encryption failed"),
    N_ ("A cryptographic step failed, for example an encryption key was "
        "missing or invalid.") },
  { "X.7.6", TRUE,
    N_ ("Encryption method not supported"),
    N_ ("The message uses an encryption method the recipient's system does "
        "not support.") },
  { "X.7.7", TRUE,
    N_ ("Message damaged"),
    N_ ("The message failed an integrity check: it looks altered or corrupted "
        "on the way.") },
  { "X.7.8", TRUE,
    N_ ("Login failed"),
    N_ ("The user name or password was not accepted. For QQ Mail and NetEase "
        "mailboxes, mail programs need the separate authorisation code from "
        "the web mail settings, not the web password.") },
  { "X.7.9", TRUE,
    N_ ("Login method too weak"),
    N_ ("The server wants a stronger login, for example an app-specific "
        "password. Change it in your mail program's settings.") },
  { "X.7.10", TRUE,
    N_ ("Encryption needed to log in"),
    N_ ("The server requires an encrypted connection (SSL/TLS) before login. "
        "Turn on SSL/TLS in your mail program.") },
  { "X.7.11", TRUE,
    N_ ("Encryption required for this login"),
    N_ ("The server requires an encrypted connection for this login method. "
        "Turn on SSL/TLS in your mail program.") },
  { "X.7.12", TRUE,
    N_ ("Password change needed"),
    N_ ("The server asks for a password change before it accepts logins. Log "
        "in on the web page once, then update the password in your mail "
        "program.") },
  { "X.7.13", TRUE,
    N_ ("Account disabled"),
    N_ ("The account has been disabled. If it is the recipient's, they no "
        "longer receive mail there; if it is yours, contact your mail "
        "provider or IT.") },
  { "X.7.14", TRUE,
    N_ ("Trust relationship required"),
    N_ ("The receiving server only accepts mail from servers it has an "
        "agreement with. Only the recipient's IT can allow your server.") },
  { "X.7.15", TRUE,
    N_ ("Priority too low"),
    N_ ("The server refused the message because of its priority level. Try "
        "again later.") },
  { "X.7.16", TRUE,
    N_ ("Too big for its priority"),
    N_ ("The message is too big for the priority level it was sent with. Send "
        "a smaller message.") },
  { "X.7.17", TRUE,
    N_ ("Mailbox has a new owner"),
    N_ ("The mailbox now belongs to someone other than the person you last "
        "wrote to. Find your contact's current address.") },
  { "X.7.18", TRUE,
    N_ ("Domain has a new owner"),
    N_ ("The recipient's domain has changed owner since you last wrote. The "
        "old contact is gone: check the client's current website.") },
  { "X.7.19", TRUE,
    N_ ("Owner check not possible"),
    N_ ("The server could not complete a check of whether the mailbox changed "
        "owner. This is not necessarily a final failure.") },
  { "X.7.20", TRUE,
    N_ ("No valid DKIM signature"),
    N_ ("The message had no DKIM signature that passed the check. DKIM is a "
        "digital stamp your domain should put on every mail; your company's "
        "IT must set it up.") },
  { "X.7.21", TRUE,
    N_ ("DKIM signature not acceptable"),
    N_ ("The message's DKIM signature was not of a kind the receiver accepts. "
        "Your company's IT must check the DKIM setup.") },
  { "X.7.22", TRUE,
    N_ ("DKIM signature does not match your domain"),
    N_ ("The DKIM signature did not belong to the domain in your From "
        "address. Your company's IT must sign mail with your own domain.") },
  { "X.7.23", TRUE,
    N_ ("SPF check failed"),
    N_ ("The server that sent your mail is not listed in your domain's SPF "
        "record, so the receiver suspects forgery. Your company's IT must add "
        "it to the SPF record.") },
  { "X.7.24", TRUE,
    N_ ("SPF record error"),
    N_ ("Your domain's SPF record could not be read properly, for example "
        "because there are two records or too many look-ups. Your company's "
        "IT must correct it.") },
  { "X.7.25", TRUE,
    N_ ("No reverse DNS for the sending server"),
    N_ ("The sending server's IP address has no valid reverse DNS (PTR) name. "
        "Only whoever runs that server can fix it.") },
  { "X.7.26", TRUE,
    N_ ("Authentication checks failed"),
    N_ ("Several checks that prove the mail really comes from your domain "
        "(SPF, DKIM, DMARC) failed. Your company's IT must set them up; until "
        "then large providers refuse the mail.") },
  { "X.7.27", TRUE,
    N_ ("Your domain accepts no mail"),
    N_ ("Your sender domain states publicly that it accepts no mail (a null "
        "MX record), so the receiver refuses mail from it. Your company's IT "
        "must fix the domain's DNS.") },
  { "X.7.28", TRUE,
    N_ ("Mail flood detected"),
    N_ ("The message looks like part of a burst of similar mail sent at once. "
        "Slow down, and stop sending the same text to many people.") },
  { "X.7.29", TRUE,
    N_ ("Forwarding check failed (ARC)"),
    N_ ("A check on the forwarding path (ARC) failed. It usually happens at a "
        "forwarding or mailing-list step rather than on your side.") },
  { "X.7.30", TRUE,
    N_ ("Secure delivery required (REQUIRETLS)"),
    N_ ("The message asked for encrypted delivery all the way, but a server "
        "on the route does not support it.") },
};

typedef struct
{
  const char *code; /* "550", or "5" for the class fallback */
  const char *title;
  const char *explanation;
} ReplyEntry;

static const ReplyEntry reply_entries[] = {
  { "211",
    N_ ("System status"),
    N_ ("A status or help reply from the server. Not an error.") },
  { "214",
    N_ ("Help message"),
    N_ ("The server answered a request for help. Not an error.") },
  { "220",
    N_ ("Server ready"),
    N_ ("The receiving server greeted the sender and is ready. Not an "
        "error.") },
  { "221",
    N_ ("Closing the connection"),
    N_ ("The server ended the conversation normally. Not an error.") },
  { "250",
    N_ ("Accepted"),
    N_ ("The server accepted the command or the message. Not an error.") },
  { "251",
    N_ ("Accepted, will forward"),
    N_ ("The address is not on this server, but the server will forward the "
        "message. Not an error.") },
  { "252",
    N_ ("Cannot verify, will try"),
    N_ ("The server cannot confirm the address but accepts the message and "
        "will try to deliver it. Not an error.") },
  { "354",
    N_ ("Ready for the message"),
    N_ ("The server is ready to receive the message text. Not an error.") },
  { "421",
    N_ ("Service not available right now"),
    N_ ("The server closed the connection for now: it is busy, limiting how "
        "fast it accepts mail, or distrusts the sending server. The sending "
        "server normally tries again later.") },
  { "422",
    N_ ("Mailbox over its storage limit"),
    N_ ("The recipient's mailbox has reached its storage limit for now. Try "
        "again later.") },
  { "431",
    N_ ("Receiving server short of resources"),
    N_ ("The receiving server is out of memory or disk space for the moment. "
        "The sending server tries again.") },
  { "432",
    N_ ("Temporarily not accepting mail"),
    N_ ("The receiving server has paused incoming mail, or asks for a "
        "password change before login. Usually temporary.") },
  { "441",
    N_ ("Receiving server not responding"),
    N_ ("The recipient's server did not respond. The sending server tries "
        "again.") },
  { "442",
    N_ ("Connection dropped"),
    N_ ("The connection broke off during delivery. The sending server tries "
        "again.") },
  { "446",
    N_ ("Too many hops"),
    N_ ("The message passed through too many servers, probably in a loop. "
        "The recipient's IT must check their forwarding.") },
  { "447",
    N_ ("Delivery timed out"),
    N_ ("The recipient's server was too slow to answer and delivery timed "
        "out. The sending server tries again.") },
  { "449",
    N_ ("Routing error"),
    N_ ("The message could not be routed to the recipient's server for now. "
        "Usually temporary.") },
  { "450",
    N_ ("Mailbox unavailable for now"),
    N_ ("The mailbox could not take the message right now: it is busy, the "
        "server uses greylisting, or it is limiting the sender. The sending "
        "server tries again.") },
  { "451",
    N_ ("Local error, try again later"),
    N_ ("The receiving server had a problem processing the message, or is "
        "holding it back for a check. The sending server tries again.") },
  { "452",
    N_ ("Not enough storage, or too many recipients"),
    N_ ("The receiving server or mailbox is short of space, or the message "
        "had too many recipients at once. Usually temporary.") },
  { "454",
    N_ ("Temporary security problem"),
    N_ ("A login or encryption step failed for the moment. The sending "
        "server tries again.") },
  { "455",
    N_ ("Cannot handle the parameters for now"),
    N_ ("The server cannot handle some details of the request at the moment. "
        "Usually temporary.") },
  { "458",
    N_ ("Cannot queue the messages"),
    N_ ("The server cannot queue the messages for that destination right "
        "now. Usually temporary.") },
  { "471",
    N_ ("Temporary local failure"),
    N_ ("A filter or virus scanner on the receiving side failed for the "
        "moment. The sending server tries again.") },
  { "500",
    N_ ("Command not recognised"),
    N_ ("The server did not recognise a command from the sending software. "
        "This is a technical fault on the sending side.") },
  { "501",
    N_ ("Wrong command details"),
    N_ ("A command had wrong details; often an address is badly written, or "
        "the From address does not match the account you log in with.") },
  { "502",
    N_ ("Command not implemented"),
    N_ ("The server does not support a command it was sent. A technical "
        "fault on the sending side.") },
  { "503",
    N_ ("Commands in the wrong order"),
    N_ ("The server received commands in the wrong order, often because the "
        "mail program did not log in first.") },
  { "504",
    N_ ("Command detail not implemented"),
    N_ ("The server does not support an option of a command it was sent. A "
        "technical fault on the sending side.") },
  { "521",
    N_ ("Server does not accept mail"),
    N_ ("The recipient's server does not accept mail at all. Find another "
        "address for the client.") },
  { "523",
    N_ ("Encryption needed or message too large"),
    N_ ("The server requires an encrypted connection, or, on some servers, "
        "the message is over its size limit.") },
  { "530",
    N_ ("Login required"),
    N_ ("The server requires a login before sending. Check the outgoing "
        "server settings of your mail program.") },
  { "534",
    N_ ("Login method too weak"),
    N_ ("The server requires a stronger login method, for example an "
        "app-specific password or authorisation code.") },
  { "535",
    N_ ("Login failed"),
    N_ ("The user name or password was refused. QQ Mail and NetEase "
        "mailboxes need the authorisation code from their web settings, not "
        "the web password.") },
  { "538",
    N_ ("Encryption required to log in"),
    N_ ("The server requires an encrypted connection before login. Turn on "
        "SSL/TLS in your mail program.") },
  { "541",
    N_ ("Refused by the recipient's filter"),
    N_ ("The recipient's server or its anti-spam filter refused the message. "
        "The server's own words say why.") },
  { "550",
    N_ ("Refused: mailbox unavailable or not allowed"),
    N_ ("The most common refusal. It may mean the mailbox does not exist, or "
        "that the message was refused for a policy, spam or reputation "
        "reason: the status code and the server's own words tell which.") },
  { "551",
    N_ ("User not here"),
    N_ ("The address is not on this server and the server will not forward "
        "it. Ask the client for their current address.") },
  { "552",
    N_ ("Storage exceeded"),
    N_ ("The mailbox is full, or the message is larger than allowed. The "
        "server's own words tell which.") },
  { "553",
    N_ ("Address not allowed"),
    N_ ("An address was refused: it is badly written, or the server refuses "
        "this sender, for example because the From address does not match "
        "the logged-in account.") },
  { "554",
    N_ ("Transaction failed"),
    N_ ("The message was refused. This often means a spam, content or "
        "blocklist verdict: the server's own words tell which.") },
  { "555",
    N_ ("Options not recognised"),
    N_ ("The server did not recognise options the sending software used. A "
        "technical fault on the sending side.") },
  { "556",
    N_ ("Domain does not accept mail"),
    N_ ("The recipient's domain does not accept mail at all. Find another "
        "address for the client.") },
  { "557",
    N_ ("Refused by an access rule"),
    N_ ("A non-standard code some servers use when an access or anti-spam "
        "rule refuses the mail. The server's own words say why.") },

  /* Class fallbacks for codes not listed above */
  { "2",
    N_ ("Success"),
    N_ ("The server accepted the request. Not an error.") },
  { "3",
    N_ ("Waiting for more"),
    N_ ("The server is waiting for more data from the sender. Not an "
        "error.") },
  { "4",
    N_ ("Temporary failure"),
    N_ ("The server refused for now. The sending server normally tries again "
        "later, and a later attempt may succeed.") },
  { "5",
    N_ ("Permanent failure"),
    N_ ("The server refused for good. Sending the same message the same way "
        "will fail again.") },
};

/* Splits "C.S.D" into its numbers.  RFC 3463 allows one to three digits
 * for subject and detail; we accept "X" as the class of our own keys. */
static gboolean
parse_status (const char *status,
              char       *klass,
              guint      *subject,
              guint      *detail)
{
  const char *p = status;
  guint       numbers[2] = { 0, 0 };

  if (status == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;

  if (*p != '2' && *p != '4' && *p != '5' && *p != 'X' && *p != 'x')
    return FALSE;
  *klass = g_ascii_toupper (*p);
  p++;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      guint n_digits = 0;

      if (*p != '.')
        return FALSE;
      p++;

      while (g_ascii_isdigit (*p))
        {
          if (++n_digits > 3)
            return FALSE;
          numbers[i] = numbers[i] * 10 + (guint) (*p - '0');
          p++;
        }

      if (n_digits == 0)
        return FALSE;
    }

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  *subject = numbers[0];
  *detail = numbers[1];
  return TRUE;
}

static const StatusEntry *
find_status_entry (char  klass,
                   guint subject,
                   guint detail)
{
  char key[16];

  g_snprintf (key, sizeof key, "%c.%u.%u", klass, subject, detail);
  for (gsize i = 0; i < G_N_ELEMENTS (status_entries); i++)
    if (g_str_equal (status_entries[i].code, key))
      return &status_entries[i];

  return NULL;
}

/* Lookup order: the exact code, then the registry entry for any class,
 * then the subject's "other" code (C.S.0, X.S.0), then the class alone
 * (C.0.0, X.0.0).  So 4.7.650 reads as "held back for a security or
 * policy reason", and 5.9.9 as "permanent failure, no detail". */
static const StatusEntry *
lookup_status (const char *status)
{
  const StatusEntry *entry;
  char               klass;
  guint              subject;
  guint              detail;

  if (!parse_status (status, &klass, &subject, &detail))
    return NULL;

  if ((entry = find_status_entry (klass, subject, detail)) != NULL)
    return entry;

  /* Success reports stay success reports: never fall back to the wording
   * of a failure that happens to share the subject and detail. */
  if (klass == '2')
    return find_status_entry ('2', 0, 0);

  if (klass != 'X' && (entry = find_status_entry ('X', subject, detail)) != NULL)
    return entry;

  if ((entry = find_status_entry (klass, subject, 0)) != NULL)
    return entry;
  if ((entry = find_status_entry ('X', subject, 0)) != NULL)
    return entry;

  if ((entry = find_status_entry (klass, 0, 0)) != NULL)
    return entry;
  return find_status_entry ('X', 0, 0);
}

/**
 * bb_kb_status_title:
 * @status: an enhanced status code such as "5.1.1"
 *
 * Returns: (nullable): a short translated title, or %NULL when @status is
 *   not an enhanced status code at all
 */
const char *
bb_kb_status_title (const char *status)
{
  const StatusEntry *entry = lookup_status (status);

  return entry != NULL ? bb_kb_gettext (entry->title) : NULL;
}

/**
 * bb_kb_status_explanation:
 * @status: an enhanced status code such as "5.1.1"
 *
 * Returns: (nullable): one to three translated sentences, or %NULL when
 *   @status is not an enhanced status code at all
 */
const char *
bb_kb_status_explanation (const char *status)
{
  const StatusEntry *entry = lookup_status (status);

  return entry != NULL ? bb_kb_gettext (entry->explanation) : NULL;
}

/**
 * bb_kb_status_is_registered:
 * @status: an enhanced status code such as "5.7.515"
 *
 * Returns: %TRUE when @status is in the IANA registry; vendor details
 *   such as Microsoft's 5.7.515 or 4.7.650 are not
 */
gboolean
bb_kb_status_is_registered (const char *status)
{
  const StatusEntry *entry;
  char               klass;
  guint              subject;
  guint              detail;

  if (!parse_status (status, &klass, &subject, &detail) || klass == 'X')
    return FALSE;

  entry = find_status_entry ('X', subject, detail);
  return entry != NULL && entry->registered;
}

static const ReplyEntry *
lookup_reply_code (const char *reply_code)
{
  char key[2] = { 0, 0 };

  if (reply_code == NULL ||
      strlen (reply_code) != 3 ||
      reply_code[0] < '2' || reply_code[0] > '5' ||
      !g_ascii_isdigit (reply_code[1]) ||
      !g_ascii_isdigit (reply_code[2]))
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (reply_entries); i++)
    if (g_str_equal (reply_entries[i].code, reply_code))
      return &reply_entries[i];

  key[0] = reply_code[0];
  for (gsize i = 0; i < G_N_ELEMENTS (reply_entries); i++)
    if (g_str_equal (reply_entries[i].code, key))
      return &reply_entries[i];

  return NULL;
}

/**
 * bb_kb_reply_code_title:
 * @reply_code: a three-digit SMTP reply code such as "550"
 *
 * Returns: (nullable): a short translated title; unlisted codes get the
 *   title of their class; %NULL when @reply_code is not a reply code
 */
const char *
bb_kb_reply_code_title (const char *reply_code)
{
  const ReplyEntry *entry = lookup_reply_code (reply_code);

  return entry != NULL ? bb_kb_gettext (entry->title) : NULL;
}

/**
 * bb_kb_reply_code_explanation:
 * @reply_code: a three-digit SMTP reply code such as "550"
 *
 * Returns: (nullable): one or two translated sentences; unlisted codes get
 *   the explanation of their class; %NULL when @reply_code is not a reply
 *   code
 */
const char *
bb_kb_reply_code_explanation (const char *reply_code)
{
  const ReplyEntry *entry = lookup_reply_code (reply_code);

  return entry != NULL ? bb_kb_gettext (entry->explanation) : NULL;
}
