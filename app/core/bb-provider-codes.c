/* bb-provider-codes.c - provider-specific codes found in server replies
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-match.h"
#include "bb-provider-codes.h"
#include "bb-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Sources: the providers' own help pages on bounce codes (Microsoft
 * Learn NDR reference, Google Workspace "SMTP errors and codes", Yahoo
 * Sender Hub, NetEase, QQ Mail, Alibaba Mail and Coremail help pages),
 * the blocklist operators' pages, and the bounce patterns of Sisimai's
 * Rhost and Reason modules.  The notes are our own words, written for a
 * sales rep who is not a mail administrator.  Reasons use Sisimai v5
 * names.
 */

/* ---- Notes shared by several entries ---------------------------------- */

#define NOTE_NO_SUCH_USER N_ ("The client's mail server says this mailbox does not exist. Check the spelling of the address, or ask the client for their current address.")
#define NOTE_NO_SUCH_DOMAIN N_ ("The recipient's domain (the part after @) does not exist or has no mail server. Check it for typos, or ask the client for their current address.")
#define NOTE_BAD_ADDRESS_SYNTAX N_ ("The address is not written correctly, for example it contains a space, a full-width character or extra punctuation. Retype it carefully.")
#define NOTE_SUSPENDED N_ ("The client's mailbox exists but has been disabled, suspended or frozen. The person may have left the company: ask the client for another address.")
#define NOTE_MAILBOX_FULL N_ ("The client's mailbox is full. Your mail will get through once they delete old mail: resend later, or tell them by another channel.")
#define NOTE_MAILBOX_FULL_INACTIVE N_ ("The client's mailbox is full and has not been used for a long time, so it is probably abandoned. Ask the client for another address.")
#define NOTE_RECIPIENT_FLOODED N_ ("The recipient is getting too much mail right now, so their server is holding back new messages. Nothing is wrong with your mail: the sending server tries again by itself. If it still fails, resend later.")
#define NOTE_SPAM_CONTENT N_ ("The receiving server judged the content of your message to be spam. Rewrite the subject and text in a more personal way, remove link shorteners, big images and unusual attachments, and do not send identical copies to many people.")
#define NOTE_TOO_BIG N_ ("The message is bigger than the receiving server accepts. Compress or remove attachments, or send a download link instead.")
#define NOTE_ATTACHMENT_BLOCKED N_ ("The message was blocked for security reasons, usually because of an attachment type (.exe, .js, .bat, documents with macros, encrypted zip files). Send a PDF or a download link instead.")
#define NOTE_VIRUS N_ ("A virus scanner found a problem in the message or its attachments. Scan your files for viruses and send clean documents, for example PDF files.")
#define NOTE_RECIPIENT_POLICY N_ ("A rule set by the client's mail administrator refused this message. Only the client's side can change this: contact them by another channel and ask them to let your mail through.")
#define NOTE_RECIPIENT_FILTER N_ ("The recipient has blocked your address or set a filter rule that refuses your mail. Contact them by phone, messenger or another mailbox.")
#define NOTE_ALLOWLIST_ONLY N_ ("The client's mailbox only accepts mail from addresses on its allow list. Ask the client to add your address.")
#define NOTE_DMARC_REJECT N_ ("Your sending domain publishes a strict DMARC policy and this message failed the check, so the receiver refused it. This often happens when mail with your company address is sent through another service or tool. Your IT staff must set up SPF and DKIM for every service that sends as your domain.")
#define NOTE_SPF_FAIL N_ ("The server that sent this message is not allowed by your domain's SPF record, so the receiver treated the mail as forged. Your IT staff must add every service that sends your mail to the SPF record.")
#define NOTE_AUTH_MISSING N_ ("The receiver requires every sender to pass SPF or DKIM, the checks that prove a server may send for your domain, and this message passed neither. Your IT staff or mail provider must publish an SPF record and switch on DKIM signing.")
#define NOTE_PTR N_ ("The sending server's IP address has no valid reverse DNS (PTR) record, which many receivers require. Whoever runs that server (your IT staff or your mail provider) must set it up.")
#define NOTE_LOW_REPUTATION N_ ("The receiver trusts the sending IP address or domain very little, usually because of earlier spam or mass mailing. Send fewer and more personal messages. If your company runs its own server, your IT staff should check its reputation.")
#define NOTE_RATE_UNUSUAL N_ ("The receiver saw an unusual amount of mail from your server or domain and is slowing it down. Pause mass mailings, send fewer and more personal messages, and try again later.")
#define NOTE_RATE_GENERIC N_ ("The sending server sent too much mail too quickly and has been limited for a while. Send more slowly and try again later.")
#define NOTE_DAILY_LIMIT N_ ("Your mailbox has reached its daily sending limit. Wait 24 hours before sending again, and do not use a personal mailbox for mass mailings.")
#define NOTE_DAILY_LIMIT_TOMORROW N_ ("Your address has used up its sending allowance for today. Wait until tomorrow, and spread large mailings over several days.")
#define NOTE_TOO_MANY_RECIPIENTS N_ ("The message had too many recipients. Split it into smaller groups or send it to each client separately.")
#define NOTE_PER_CONNECTION N_ ("The receiving server limits how many messages or recipients it takes in one connection. This is temporary: the sending server tries again by itself.")
#define NOTE_CLIENT_LOGIN N_ ("Your mail program could not log in to the sending server or is set up wrongly. Check the account settings in your mail program: server, port, SSL, user name and password or authorisation code.")
#define NOTE_SENDER_MISMATCH N_ ("The sender address in your message does not match the account you logged in with. Send with the same address you log in with.")
#define NOTE_SENDING_SOFTWARE N_ ("The sending software behaved abnormally, for example with too many wrong or repeated commands. Check the mail program or bulk-mailing tool you used.")
#define NOTE_SENDER_CONFIG N_ ("The sending server is set up wrongly (for example it does not introduce itself properly, or uses a malformed sender address). Your IT staff or mail provider must fix the server or program settings.")
#define NOTE_NORELAY N_ ("The server refused to pass the message on to another domain. Check the outgoing server settings in your mail program.")
#define NOTE_CUSTOMER_BLOCK N_ ("The client's own organisation has put your sending server or address on its private block list. Only their IT staff can remove it: contact the client by phone, messenger or another mailbox and ask them to allow your address.")
#define NOTE_SENDER_REJECTED N_ ("The receiving server refuses mail from your sender address. Ask the client, by another channel, to allow your address; if many clients refuse it, ask your mail administrator.")
#define NOTE_FORGED_SENDER N_ ("The receiver thinks your sender address is forged. Your IT staff must check SPF, DKIM and DMARC for your domain, and you should send only with your real address.")
#define NOTE_IP_BLOCKED_SHARED N_ ("The receiver has blocked the IP address of the server that sent your mail. This says nothing bad about the client's address. If you use a shared service (QQ, 163, Aliyun, Gmail, Outlook …) you cannot remove the block yourself: try again later or write to this client from another mailbox. If your company runs its own server, your IT staff must find the cause and ask for removal.")
#define NOTE_DYNAMIC_IP N_ ("The receiver does not accept mail sent directly from an ordinary broadband (dynamic) IP address. Send through your mail provider's SMTP server instead of directly from an office connection.")
#define NOTE_TEMPORARY_REFUSAL N_ ("The receiving server is refusing the message for now (greylisting, load or a reputation check). The sending server tries again by itself: wait and see whether a final bounce follows.")
#define NOTE_REMOTE_TIMEOUT N_ ("The client's mail server answered too slowly or could not be reached. This is usually temporary: try again later, and check the domain if it keeps happening.")

/* ---- Microsoft ---------------------------------------------------------- */

#define NOTE_MS_NETWORK N_ ("Outlook.com / Hotmail refused the mail because the sending server's IP address, or its network, is on Microsoft's own block list. This says nothing bad about the client's address. If you send from QQ, 163, Aliyun or another shared service, you cannot remove the block yourself: try again later or write to this client from another mailbox. If your company runs its own server, your IT staff can ask Microsoft to unblock it at olcsupport.office.com.")
#define NOTE_MS_THROTTLE N_ ("Outlook.com is temporarily slowing down mail from the sending server because of its reputation. The server keeps retrying by itself. Send fewer messages to Outlook and Hotmail addresses for a while; if it keeps happening, ask your IT staff or mail provider to check the server's reputation.")
#define NOTE_MS_BANNED_IP N_ ("Microsoft 365 has banned the IP address of the server that sent your mail. If it is your company's own server, your IT staff can request removal at sender.office.com. If you use a shared service (QQ, 163, Aliyun …), only that provider can fix it: write to this client from another mailbox for now.")
#define NOTE_MS_BANNED_SENDER N_ ("Microsoft has banned your sending address or domain. Your IT staff must ask Microsoft to remove the ban (by writing to delist@messaging.microsoft.com with this bounce attached).")
#define NOTE_MS_515 N_ ("Outlook.com now requires senders to pass SPF, DKIM and DMARC checks, and your sending domain did not reach that level. If you send from a free mailbox such as QQ or 163, you cannot fix this yourself: try again later or use another mailbox for this client. With a company address, ask your IT staff to set up SPF, DKIM and DMARC correctly.")
#define NOTE_MS_DBEB N_ ("The client's Microsoft 365 system does not know this address, so it is almost certainly wrong or no longer used. If you are sure it is right, the client's IT staff should check their user directory.")
#define NOTE_MS_RELAY_DENIED N_ ("The client's Microsoft 365 system is not set up to accept mail for this domain. The problem is in the client's mail settings, not on your side: tell the client by another channel that their mail is not being received.")
#define NOTE_MS_GROUP_ONLY N_ ("The address is a group or internal mailbox that accepts mail only from approved senders. Ask your contact for a personal address, or ask them to add you to the allowed senders.")
#define NOTE_MS_OWN_ACCOUNT N_ ("Your own Microsoft 365 account has been blocked from sending because it was seen sending spam. Often this means someone else knows your password. Change your password now and ask your mail administrator to unblock the account.")
#define NOTE_MS_TENANT N_ ("Your company's Microsoft 365 account as a whole has been restricted from sending. Only your mail administrator can fix this, by opening a support case with Microsoft.")

/* ---- Google ------------------------------------------------------------ */

#define NOTE_GOOGLE_BULK N_ ("Gmail has strict rules for senders of many messages: SPF, DKIM, a matching From address and a DMARC record are all required. Your IT staff must set these up for your domain.")
#define NOTE_GOOGLE_SAME_MESSAGE N_ ("The same message was sent too many times. Do not resend identical copies; write a new message instead.")
#define NOTE_TLS_REQUIRED N_ ("The client's domain accepts only encrypted (TLS) connections, and the sending server did not use one. Your IT staff must switch on TLS for outgoing mail.")
#define NOTE_IP_NOT_ALLOWED N_ ("The client's domain accepts mail only from a list of approved servers. Ask the client to allow your mail server, or reach them by another channel.")
#define NOTE_NOT_RFC N_ ("The message breaks mail standards, for example a missing Message-ID, a malformed From line or badly encoded Chinese headers. This often comes from bulk-mailing tools: send it from a normal mail program instead.")

/* ---- Yahoo ------------------------------------------------------------- */

#define NOTE_YAHOO_DEFER N_ ("Yahoo / AOL is temporarily holding back mail from the sending server because of unusual volume or user complaints. The server keeps retrying by itself. Send less mail to Yahoo and AOL addresses for a few hours.")
#define NOTE_YAHOO_BLOCK N_ ("Yahoo / AOL has blocked the sending server's IP address and retrying will not help. With a shared mailbox service, write to this client from another mailbox; if it is your company's server, your IT staff must contact Yahoo's sender support.")
#define NOTE_YAHOO_POLICY N_ ("Yahoo refused the message for policy reasons, usually its content or links. Rewrite the message, remove suspicious links and try again.")
#define NOTE_SENDER_DOMAIN_DNS N_ ("The receiver could not find your sending domain in DNS. Your IT staff must check the DNS records of your domain.")

/* ---- NetEase ----------------------------------------------------------- */

#define NOTE_NE_BAD_RECIPIENTS N_ ("NetEase refused mail from the sending IP because it sent to many addresses that do not exist. Clean your address list and stop guessing addresses.")
#define NOTE_NE_FORGED N_ ("The sending IP used many different or forged sender domains. Send only with your real, properly authenticated address.")
#define NOTE_NE_IP_BLOCKED N_ ("NetEase has blocked or suspended the sending IP address because of spam or abnormal sending. If it is your company's server, your IT staff can appeal through the link in the bounce; otherwise write from another mailbox for now.")
#define NOTE_NE_SFQ N_ ("Your address sent too many messages in a short time (NetEase counts in 15-minute windows). Wait at least 15 minutes and then send more slowly.")
#define NOTE_NE_SENDER_BLOCKED N_ ("NetEase has put your sender address on its block list. Use the appeal link in the bounce, or write from another mailbox.")
#define NOTE_NE_RECIPIENT_WINDOW N_ ("Your address sent to too many recipients in a short time and is blocked for a while. Slow down and try again later.")
#define NOTE_NE_SPAM_TEMP N_ ("NetEase refused the message for now as possible spam. The sending server tries again by itself; if it fails in the end, rewrite the message with less advertising language, fewer links and fewer images.")
#define NOTE_NE_NO_PERMISSION N_ ("163 / 126 refused to send for your account. Either SMTP access is not switched on (turn on POP3/SMTP in the web mail settings and log in with the authorisation code), or the account has been restricted from sending; in that case contact NetEase.")
#define NOTE_NE_SYSTEM_REJECT N_ ("NetEase's anti-spam system refused the message. Rewrite it, send fewer copies, and try again later.")
#define NOTE_LOGIN_LIMIT N_ ("Too many failed logins from your mail program. Make sure it uses the authorisation code, not the web password, and wait a while before trying again.")

/* ---- Tencent ----------------------------------------------------------- */

#define NOTE_QQ_IP_FREQ N_ ("QQ Mail limits how much mail it accepts from one sending IP address, and that limit was reached. With a shared mail service, wait and try again later; in any case send fewer messages at a time.")
#define NOTE_QQ_DOMAIN_FREQ N_ ("QQ Mail limits how much mail it accepts from one sender domain, and your domain reached the limit. Send fewer messages and try again later.")
#define NOTE_QQ_SENDER_FREQ N_ ("Your address sent too much mail to QQ Mail in a short period. Wait, then send fewer messages.")
#define NOTE_QQ_CONN_FREQ N_ ("The sending server opened too many connections to QQ Mail. This is temporary: send more slowly.")
#define NOTE_QQ_RECIPIENT_BURST N_ ("This QQ mailbox is receiving a burst of mail, so delivery to it is paused for a while. Try again later.")
#define NOTE_QQ_SPAM_SOURCE N_ ("QQ Mail distrusts the sending IP address or sender because of spam. With a shared mail service, write from another mailbox; if it is your company's server, your IT staff must look into it.")
#define NOTE_QQ_BOUNCE_ATTACK N_ ("QQ Mail thinks the traffic from the sending server looks like a flood of fake bounce messages. Your IT staff should check the server.")
#define NOTE_QQ_DEACTIVATED N_ ("The client's QQ mailbox has been deactivated. Ask the client for a new address.")
#define NOTE_QQ_SAME_AUTH N_ ("QQ Mail only lets you send with the address you logged in with. Set the sender address in your mail program to your QQ address.")
#define NOTE_QQ_AUTH_CODE N_ ("Login failed: in mail programs QQ Mail needs an authorisation code, not your QQ password. Create one in the QQ Mail web settings.")

/* ---- Alibaba ----------------------------------------------------------- */

#define NOTE_ALI_ESO N_ ("Your own mail provider (Alibaba Mail) stopped this message with its outgoing anti-spam filter, so it never reached the client. The recipient addresses are NOT proven wrong: do not delete them. Change the content, send more slowly, then send again.")
#define NOTE_ALI_SPAM N_ ("Alibaba Mail's anti-spam filter judged the message to be spam. Rewrite the content and try again.")
#define NOTE_ALI_BEHAVIOUR N_ ("Alibaba Mail refused the message because of the sending behaviour: too much mail too fast, or a poor reputation of the sending IP. A 454 reply is temporary and is retried automatically. Send more slowly.")
#define NOTE_ALI_NOT_LOCAL N_ ("The recipient's domain is not, or no longer, hosted on the server that received the message. The address may be mistyped, or the client moved their mail elsewhere: check the domain with the client.")
#define NOTE_ALI_RCPT_ATTEMPTS N_ ("Too many wrong or excess recipients in one go. Clean your address list and send the rest tomorrow.")
#define NOTE_ALI_CANNOT_SEND N_ ("Your account is not allowed to send mail. Ask your mail administrator to lift the restriction.")
#define NOTE_ALI_CANNOT_RECEIVE N_ ("The client's account is not allowed to receive mail. Ask the client for another address.")
#define NOTE_ALI_LOGIN N_ ("Your mail program's login or sender settings do not suit Alibaba Mail: check the server, SSL port 465, the user name, and that the sender address is the login address. The protocol may also be switched off for your account.")

/* ---- Coremail ---------------------------------------------------------- */

#define NOTE_COREMAIL_SPAM N_ ("The receiving Coremail system's anti-spam filter refused the message. Rewrite the content and try again.")

/* ---- Gateways, ISPs and blocklists ------------------------------------- */

#define NOTE_MIMECAST_BLOCKED N_ ("The client's Mimecast administrator has blocked your address or domain. Only the client can remove the block: ask them by another channel.")
#define NOTE_MIMECAST_REPUTATION N_ ("Mimecast, the client's mail security service, rejected the sending IP address because of its reputation. Your IT staff or mail provider can ask Mimecast to review it; meanwhile try another mailbox.")
#define NOTE_GATEWAY_SPOOF N_ ("The client's mail security service thinks your message is forged because SPF, DKIM or DMARC checks failed. Your IT staff must fix your domain's authentication.")
#define NOTE_GATEWAY_SECURITY N_ ("The client's mail security service rejected the message under its security policy, usually because of an attachment or a virus signature. Send clean files (PDF) or a download link.")
#define NOTE_PROOFPOINT N_ ("Proofpoint, which protects the client's mailbox, blocked the sending IP address for poor reputation. The owner of that IP can look it up and ask for removal at ipcheck.proofpoint.com. If the IP belongs to a shared service such as QQ or 163, write from another mailbox.")
#define NOTE_BARRACUDA N_ ("The sending IP is on the Barracuda Reputation Block List. Barracuda also checks addresses in the message headers, so the listed IP can be your own office connection. The owner of the IP can request removal at barracudacentral.org; scan your office computers for malware.")
#define NOTE_SYMANTEC N_ ("The client's Symantec / Broadcom mail filter blocked the sending IP. The owner of the IP can request removal at the address given in the bounce.")
#define NOTE_CISCO N_ ("The client's Cisco mail gateway rejected the sending server because of poor reputation (Talos). The owner of the IP can check and dispute it at talosintelligence.com.")
#define NOTE_TRENDMICRO N_ ("Trend Micro's Email Reputation Service lists the sending IP. The owner of the IP can look it up and request removal through the link in the bounce.")
#define NOTE_ISP_OWN_BLOCK N_ ("The client's internet provider has blocked the sending IP address on its own list. With a shared mail service, write from another mailbox; if it is your company's server, your IT staff can follow the link in the bounce to request removal.")
#define NOTE_CLOUDMARK N_ ("The sending IP has a poor reputation with Cloudmark, which many internet providers use. The owner of the IP can request a reset at csi.cloudmark.com.")
#define NOTE_URL_BLOCKLIST N_ ("A web address (link) in your message is on a blocklist. Check your website, your online shop and any link shorteners, and remove or replace the listed link.")
#define NOTE_INVALID_RECIPIENTS_IP N_ ("The sending IP was blocked for sending to too many addresses that do not exist. Clean your address list.")
#define NOTE_SES_UNVERIFIED N_ ("Your sending tool (Amazon SES) is in test mode or the sender address is not verified, so it refused to send. Whoever manages that tool must verify the address or leave test mode.")
#define NOTE_SES_PAUSED N_ ("Sending has been paused for the Amazon SES account, usually because of too many bounces or complaints. Whoever manages that account must contact Amazon.")
#define NOTE_SES_SUPPRESSED N_ ("Amazon SES did not even try to deliver, because this address bounced before and is on its suppression list. Check that the address is still valid before removing it from the list.")
#define NOTE_SPAMHAUS N_ ("The sending IP is on a Spamhaus blocklist. Look it up at check.spamhaus.org to see which list and why. If the IP belongs to a shared service (QQ, 163, Gmail …) you cannot delist it: retry later or write from another mailbox.")
#define NOTE_SPAMHAUS_SBL N_ ("The sending IP is on the Spamhaus Block List (SBL) of known spam sources. Only the owner of the network can get it removed. If it belongs to a shared service, write from another mailbox; if it is your company's server, your IT staff must contact the hosting or internet provider.")
#define NOTE_SPAMHAUS_XBL N_ ("The sending IP is on Spamhaus XBL, a list of infected or hijacked computers. If it is your office or your company's server, scan the computers for malware and have IT fix the cause, then request removal at check.spamhaus.org.")
#define NOTE_SPAMHAUS_PBL N_ ("The sending IP is on Spamhaus PBL, a list of ordinary broadband addresses that should not send mail directly. Send through your mail provider's SMTP server instead of directly from an office connection; if it really is a mail server, your IT staff can request removal at check.spamhaus.org.")
#define NOTE_SPAMHAUS_DBL N_ ("A domain in your message (in a link, your website or the sender address) is on the Spamhaus Domain Block List. Check every link domain at check.spamhaus.org and remove link shorteners.")
#define NOTE_SPAMCOP N_ ("The sending IP is on the SpamCop list because people reported spam from it. The listing expires by itself about a day after the reports stop; there is nothing to apply for.")
#define NOTE_SORBS N_ ("The bounce names SORBS, a blocklist that was shut down in June 2024. The client's filter uses an outdated setting: tell the client's IT staff, as there is nothing to delist.")
#define NOTE_UCEPROTECT N_ ("The sending IP or its whole network is listed by UCEPROTECT. Level 1 listings expire after about a week; levels 2 and 3 punish entire networks. Do not pay for express delisting; ask the client's IT staff to stop blocking on these lists.")
#define NOTE_CASA N_ ("The sending IP is on a China Anti-Spam Alliance list (spam sources or dynamic broadband addresses). Send through a proper mail server; your IT staff can check the listing at anti-spam.org.cn.")
#define NOTE_SENDERSCORE N_ ("The sending IP has a low Sender Score (Validity, formerly Return Path). Its owner can check it at senderscore.org; meanwhile send less mass mail.")

/* An entry of the table.  @anywhere: the needle is distinctive enough to
 * identify the code even when the bounce does not name the provider, or
 * names another one (a rep's provider adds its own text to a remote
 * reply, a gateway passes a provider's text on, …).
 */
typedef struct
{
  BbProviderCode code;
  gboolean       anywhere;
} CodeEntry;

#define ENTRY(provider, needle, code, reason, category, side, note)                         \
  {                                                                                         \
    { provider, needle, code, reason, BB_CATEGORY_##category, BB_SIDE_##side, note }, FALSE \
  }
#define ANYWHERE(provider, needle, code, reason, category, side, note)                     \
  {                                                                                        \
    { provider, needle, code, reason, BB_CATEGORY_##category, BB_SIDE_##side, note }, TRUE \
  }

/* The first matching entry wins: keep the more specific needles first. */
static const CodeEntry entries[] = {
  /* Microsoft: Outlook.com / Hotmail and Exchange Online */
  ANYWHERE ("microsoft", "s3150", "S3150", "blocked", REPUTATION, SENDER, NOTE_MS_NETWORK),
  ANYWHERE ("microsoft", "s3140", "S3140", "blocked", REPUTATION, SENDER, NOTE_MS_NETWORK),
  ANYWHERE ("microsoft", "part of their network is on our block list", "S3150", "blocked", REPUTATION, SENDER, NOTE_MS_NETWORK),
  ANYWHERE ("microsoft", "550 sc-00", "SC-001", "blocked", REPUTATION, SENDER, NOTE_MS_NETWORK),
  ANYWHERE ("microsoft", "550 ou-00", "OU-001", "blocked", REPUTATION, SENDER, NOTE_MS_NETWORK),
  ANYWHERE ("microsoft", "550 dy-00", "DY-001", "blocked", REPUTATION, SENDER, NOTE_DYNAMIC_IP),
  ANYWHERE ("microsoft", "4.7.650", "4.7.650", "badreputation", REPUTATION, SENDER, NOTE_MS_THROTTLE),
  ANYWHERE ("microsoft", "rate limited due to ip reputation", "4.7.650", "badreputation", REPUTATION, SENDER, NOTE_MS_THROTTLE),
  ANYWHERE ("microsoft", "4.7.500 server busy", "4.7.500", NULL, TEMPORARY, NOBODY, NOTE_TEMPORARY_REFUSAL),
  ANYWHERE ("microsoft", "access denied, banned sending ip", "5.7.606", "blocked", REPUTATION, SENDER, NOTE_MS_BANNED_IP),
  ANYWHERE ("microsoft", "access denied, banned sender", "5.7.511", "rejected", REPUTATION, SENDER, NOTE_MS_BANNED_SENDER),
  ANYWHERE ("microsoft", "does not pass dmarc verification", "5.7.509", "authfailure", AUTHENTICATION, SENDER, NOTE_DMARC_REJECT),
  ANYWHERE ("microsoft", "5.7.515", "5.7.515", "authfailure", AUTHENTICATION, SENDER, NOTE_MS_515),
  ANYWHERE ("microsoft", "required authentication level", "5.7.515", "authfailure", AUTHENTICATION, SENDER, NOTE_MS_515),
  ANYWHERE ("microsoft", "using customer block list", "5.7.513", "blocked", POLICY, RECIPIENT, NOTE_CUSTOMER_BLOCK),
  ANYWHERE ("microsoft", "access denied, rejected by recipient", "5.7.507", "blocked", POLICY, RECIPIENT, NOTE_CUSTOMER_BLOCK),
  ANYWHERE ("microsoft", "resolver.adr.recipientnotfound", "5.1.10", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("microsoft", "resolver.adr.recipnotfound", "5.1.1", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("microsoft", "as(201806281)", "AS(201806281)", "userunknown", ADDRESS, RECIPIENT, NOTE_MS_DBEB),
  ENTRY ("microsoft", "recipient address rejected: access denied", "5.4.1", "userunknown", ADDRESS, RECIPIENT, NOTE_MS_DBEB),
  ENTRY ("microsoft", "5.4.1 relay access denied", "5.4.1", "norelaying", DOMAIN, RECIPIENT, NOTE_MS_RELAY_DENIED),
  ANYWHERE ("microsoft", "smtpsend.dns.nonexistentdomain", "5.4.310", "hostunknown", DOMAIN, RECIPIENT, NOTE_NO_SUCH_DOMAIN),
  ANYWHERE ("microsoft", "resolver.rst.sendernotauthenticated", "5.7.133", "securityerror", POLICY, RECIPIENT, NOTE_MS_GROUP_ONLY),
  ANYWHERE ("microsoft", "resolver.rst.notauthorized", "5.7.1", "securityerror", POLICY, RECIPIENT, NOTE_MS_GROUP_ONLY),
  ANYWHERE ("microsoft", "resolver.rst.authrequired", "5.7.1", "securityerror", POLICY, RECIPIENT, NOTE_MS_GROUP_ONLY),
  ANYWHERE ("microsoft", "delivery not authorized, message refused", "5.7.1", "policyviolation", POLICY, RECIPIENT, NOTE_RECIPIENT_POLICY),
  ANYWHERE ("microsoft", "returned message detected as spam", "5.7.350", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("microsoft", "access denied, spam abuse detected", "5.7.501", "rejected", REPUTATION, SENDER, NOTE_MS_OWN_ACCOUNT),
  ANYWHERE ("microsoft", "access denied, bad outbound sender", "5.1.8", "rejected", REPUTATION, SENDER, NOTE_MS_OWN_ACCOUNT),
  ANYWHERE ("microsoft", "tenant has exceeded threshold", "5.7.705", "blocked", REPUTATION, SENDER, NOTE_MS_TENANT),
  ANYWHERE ("microsoft", "traffic not accepted from this ip", "5.7.708", "blocked", REPUTATION, SENDER, NOTE_MS_TENANT),
  ANYWHERE ("microsoft", "5.7.750", "5.7.750", "blocked", REPUTATION, SENDER, NOTE_MS_TENANT),
  ANYWHERE ("microsoft", "daily limit for message recipients", "5.1.90", "speeding", RATE_LIMITED, SENDER, NOTE_DAILY_LIMIT),
  ANYWHERE ("microsoft", "submission quota exceeded", "5.2.2", "speeding", RATE_LIMITED, SENDER, NOTE_DAILY_LIMIT),
  ANYWHERE ("microsoft", "not authenticated to send anonymous mail", "5.7.57", "securityerror", AUTHENTICATION, SENDER, NOTE_CLIENT_LOGIN),
  ENTRY ("microsoft", "requested action not taken: mailbox unavailable", "5.5.0", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("microsoft", "mismatches client ip", "5.5.0", "requireptr", AUTHENTICATION, SENDER, NOTE_PTR),

  /* Google: Gmail and Workspace (every reply ends in "gsmtp") */
  ANYWHERE ("google", "p=nosuchuser", "5.1.1", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("google", "account that you tried to reach does not exist", "5.1.1", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("google", "p=disableduser", "5.2.1", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ANYWHERE ("google", "account that you tried to reach is disabled", "5.2.1", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ANYWHERE ("google", "account that you tried to reach is inactive", "5.2.1", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ANYWHERE ("google", "able to find the recipient domain", "5.1.2", "hostunknown", DOMAIN, RECIPIENT, NOTE_NO_SUCH_DOMAIN),
  ANYWHERE ("google", "not a valid rfc-5321 address", "5.1.3", "userunknown", ADDRESS, RECIPIENT, NOTE_BAD_ADDRESS_SYNTAX),
  ANYWHERE ("google", "not a valid rfc 5321 address", "5.1.3", "userunknown", ADDRESS, RECIPIENT, NOTE_BAD_ADDRESS_SYNTAX),
  ANYWHERE ("google", "p=overquotaperm", "5.2.2", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL_INACTIVE),
  ANYWHERE ("google", "out of storage space and inactive", "5.2.2", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL_INACTIVE),
  ANYWHERE ("google", "p=overquotatemp", "4.2.2", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),
  ANYWHERE ("google", "inbox is out of storage space", "4.2.2", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),
  ANYWHERE ("google", "account that you tried to reach is over quota", "4.2.2", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),
  ANYWHERE ("google", "receiving mail too quickly", "4.2.1", "speeding", RATE_LIMITED, NOBODY, NOTE_RECIPIENT_FLOODED),
  ANYWHERE ("google", "receiving mail at a rate that prevents additional messages", "4.2.1", "speeding", RATE_LIMITED, NOBODY, NOTE_RECIPIENT_FLOODED),
  ANYWHERE ("google", "p=dmarcrejection", "5.7.26", "authfailure", AUTHENTICATION, SENDER, NOTE_DMARC_REJECT),
  ANYWHERE ("google", "due to domain's dmarc policy", "5.7.26", "authfailure", AUTHENTICATION, SENDER, NOTE_DMARC_REJECT),
  ANYWHERE ("google", "spf record with a hard fail policy", "5.7.26", "authfailure", AUTHENTICATION, SENDER, NOTE_SPF_FAIL),
  ANYWHERE ("google", "rate limited because it is unauthenticated", "4.7.26", "authfailure", AUTHENTICATION, SENDER, NOTE_AUTH_MISSING),
  ANYWHERE ("google", "gmail requires all senders to authenticate", "5.7.26", "authfailure", AUTHENTICATION, SENDER, NOTE_AUTH_MISSING),
  ENTRY ("google", "5.7.27", "5.7.27", "authfailure", AUTHENTICATION, SENDER, NOTE_GOOGLE_BULK),
  ENTRY ("google", "4.7.27", "4.7.27", "authfailure", AUTHENTICATION, SENDER, NOTE_GOOGLE_BULK),
  ENTRY ("google", "5.7.30", "5.7.30", "authfailure", AUTHENTICATION, SENDER, NOTE_GOOGLE_BULK),
  ENTRY ("google", "4.7.30", "4.7.30", "authfailure", AUTHENTICATION, SENDER, NOTE_GOOGLE_BULK),
  ENTRY ("google", "4.7.32", "4.7.32", "authfailure", AUTHENTICATION, SENDER, NOTE_GOOGLE_BULK),
  ANYWHERE ("google", "sending domain has one or more suspicious entries", "5.7.24", "authfailure", AUTHENTICATION, SENDER, NOTE_SPF_FAIL),
  ANYWHERE ("google", "requirements for bulk senders", "5.7.27", "authfailure", AUTHENTICATION, SENDER, NOTE_GOOGLE_BULK),
  ANYWHERE ("google", "bulk sender guidelines", "5.7.27", "authfailure", AUTHENTICATION, SENDER, NOTE_GOOGLE_BULK),
  ANYWHERE ("google", "very low reputation of the sending", "4.7.0", "badreputation", REPUTATION, SENDER, NOTE_LOW_REPUTATION),
  ANYWHERE ("google", "same message-id", "4.7.28", "speeding", RATE_LIMITED, SENDER, NOTE_GOOGLE_SAME_MESSAGE),
  ANYWHERE ("google", "unusual rate of unsolicited mail", "5.7.28", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_UNUSUAL),
  ANYWHERE ("google", "unusual rate of mail originating from", "4.7.28", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_UNUSUAL),
  ANYWHERE ("google", "p=unsolicitedratelimiterror", "4.7.28", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_UNUSUAL),
  ANYWHERE ("google", "p=unsolicitedmessageerror", "5.7.1", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("google", "likely unsolicited mail", "5.7.1", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("google", "suspicious due to the nature of the content", "4.7.0", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("google", "p=blockedmessage", "5.7.0", "policyviolation", CONTENT, SENDER, NOTE_ATTACHMENT_BLOCKED),
  ANYWHERE ("google", "content presents a potential security issue", "5.7.0", "policyviolation", CONTENT, SENDER, NOTE_ATTACHMENT_BLOCKED),
  ENTRY ("google", "illegal attachment", "5.7.0", "policyviolation", CONTENT, SENDER, NOTE_ATTACHMENT_BLOCKED),
  ANYWHERE ("google", "p=maxsizeerror", "5.3.4", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ANYWHERE ("google", "exceeded google's message size limits", "5.3.4", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ANYWHERE ("google", "has a policy that prohibited the mail", "5.7.1", "policyviolation", POLICY, RECIPIENT, NOTE_RECIPIENT_POLICY),
  ANYWHERE ("google", "does not have a ptr record", "5.7.25", "requireptr", AUTHENTICATION, SENDER, NOTE_PTR),
  ANYWHERE ("google", "sending guidelines regarding ptr records", "5.7.25", "requireptr", AUTHENTICATION, SENDER, NOTE_PTR),
  ANYWHERE ("google", "tls required for rcpt domain", "4.7.0", "securityerror", POLICY, SENDER, NOTE_TLS_REQUIRED),
  ANYWHERE ("google", "ip not in whitelist for rcpt domain", "4.7.0", "blocked", POLICY, RECIPIENT, NOTE_IP_NOT_ALLOWED),
  ANYWHERE ("google", "p=rfcmessagenoncompliant", "5.7.1", "notcompliantrfc", CONTENT, SENDER, NOTE_NOT_RFC),
  ANYWHERE ("google", "not rfc 5322 compliant", "5.7.1", "notcompliantrfc", CONTENT, SENDER, NOTE_NOT_RFC),
  ANYWHERE ("google", "missing a valid message-id", "5.7.1", "notcompliantrfc", CONTENT, SENDER, NOTE_NOT_RFC),
  ANYWHERE ("google", "daily user sending limit exceeded", "5.4.5", "speeding", RATE_LIMITED, SENDER, NOTE_DAILY_LIMIT),
  ANYWHERE ("google", "application-specific password required", "5.7.9", "securityerror", AUTHENTICATION, SENDER, NOTE_CLIENT_LOGIN),
  ANYWHERE ("google", "username and password not accepted", "5.7.8", "securityerror", AUTHENTICATION, SENDER, NOTE_CLIENT_LOGIN),

  /* Yahoo / AOL */
  ANYWHERE ("yahoo", "this user doesn't have a yahoo", "554", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("yahoo", "this user doesn't have an aol", "554", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("yahoo", "requested mail action aborted, mailbox not found", "552", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("yahoo", "(554.30)", "554.30", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ENTRY ("yahoo", "this mailbox is disabled", "554.30", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ANYWHERE ("yahoo", "[tss04]", "TSS04", "badreputation", REPUTATION, SENDER, NOTE_YAHOO_DEFER),
  ANYWHERE ("yahoo", "[ts01]", "TS01", "badreputation", REPUTATION, SENDER, NOTE_YAHOO_DEFER),
  ANYWHERE ("yahoo", "[ts02]", "TS02", "badreputation", REPUTATION, SENDER, NOTE_YAHOO_DEFER),
  ANYWHERE ("yahoo", "[tss09]", "TSS09", "blocked", REPUTATION, SENDER, NOTE_YAHOO_BLOCK),
  ANYWHERE ("yahoo", "[tss11]", "TSS11", "blocked", REPUTATION, SENDER, NOTE_YAHOO_BLOCK),
  ANYWHERE ("yahoo", "[ts03]", "TS03", "blocked", REPUTATION, SENDER, NOTE_YAHOO_BLOCK),
  ANYWHERE ("yahoo", "[bl21]", "BL21", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS),
  ANYWHERE ("yahoo", "[bl22]", "BL22", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS),
  ANYWHERE ("yahoo", "[bl23]", "BL23", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_XBL),
  ANYWHERE ("yahoo", "[ph01]", "PH01", "policyviolation", CONTENT, SENDER, NOTE_YAHOO_POLICY),
  ANYWHERE ("yahoo", "yahoo requires all senders to authenticate", "5.7.9", "authfailure", AUTHENTICATION, SENDER, NOTE_AUTH_MISSING),
  ENTRY ("yahoo", "message not accepted for policy reasons", "5.7.9", "policyviolation", CONTENT, SENDER, NOTE_YAHOO_POLICY),
  ANYWHERE ("yahoo", "unresolvable rfc.5321 from domain", "451", "rejected", AUTHENTICATION, SENDER, NOTE_SENDER_DOMAIN_DNS),
  ENTRY ("yahoo", "max message per connection reached", "421", "toomanyconn", TEMPORARY, NOBODY, NOTE_PER_CONNECTION),
  /* Gmail's wording, also used by other big receivers */
  ANYWHERE ("google", "sender is unauthenticated", "5.7.26", "authfailure", AUTHENTICATION, SENDER, NOTE_AUTH_MISSING),

  /* NetEase: "<reply> <family>:<code>"; classify by the family code,
   * the reply digit only says temporary or permanent. */
  ANYWHERE ("netease", "hl:rep", "HL:REP", "blocked", REPUTATION, SENDER, NOTE_NE_BAD_RECIPIENTS),
  ANYWHERE ("netease", "hl:icc", "HL:ICC", "toomanyconn", RATE_LIMITED, SENDER, NOTE_QQ_CONN_FREQ),
  ANYWHERE ("netease", "hl:ifc", "HL:IFC", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ANYWHERE ("netease", "hl:ifq", "HL:IFQ", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ANYWHERE ("netease", "hl:itc", "HL:ITC", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ANYWHERE ("netease", "hl:mep", "HL:MEP", "blocked", REPUTATION, SENDER, NOTE_NE_FORGED),
  ANYWHERE ("netease", "hl:ihu", "HL:IHU", "blocked", REPUTATION, SENDER, NOTE_NE_IP_BLOCKED),
  ANYWHERE ("netease", "hl:ipb", "HL:IPB", "blocked", REPUTATION, SENDER, NOTE_NE_IP_BLOCKED),
  ANYWHERE ("netease", "mi:cel", "MI:CEL", NULL, REPUTATION, SENDER, NOTE_SENDING_SOFTWARE),
  ANYWHERE ("netease", "mi:ccl", "MI:CCL", NULL, REPUTATION, SENDER, NOTE_SENDING_SOFTWARE),
  ANYWHERE ("netease", "mi:dmc", "MI:DMC", "toomanyconn", RATE_LIMITED, SENDER, NOTE_PER_CONNECTION),
  ANYWHERE ("netease", "mi:sfq", "MI:SFQ", "speeding", RATE_LIMITED, SENDER, NOTE_NE_SFQ),
  ANYWHERE ("netease", "mi:stc", "MI:STC", "speeding", RATE_LIMITED, SENDER, NOTE_DAILY_LIMIT_TOMORROW),
  ANYWHERE ("netease", "mi:nhd", "MI:NHD", "blocked", POLICY, SENDER, NOTE_SENDER_CONFIG),
  ANYWHERE ("netease", "mi:imf", "MI:IMF", "rejected", POLICY, SENDER, NOTE_SENDER_CONFIG),
  ANYWHERE ("netease", "mi:spf", "MI:SPF", "authfailure", AUTHENTICATION, SENDER, NOTE_SPF_FAIL),
  ANYWHERE ("netease", "mi:dma", "MI:DMA", "authfailure", AUTHENTICATION, SENDER, NOTE_DMARC_REJECT),
  ANYWHERE ("netease", "mi:spb", "MI:SPB", "rejected", REPUTATION, SENDER, NOTE_NE_SENDER_BLOCKED),
  ANYWHERE ("netease", "rp:drc", "RP:DRC", "toomanyconn", RATE_LIMITED, SENDER, NOTE_PER_CONNECTION),
  ANYWHERE ("netease", "rp:ccl", "RP:CCL", NULL, REPUTATION, SENDER, NOTE_SENDING_SOFTWARE),
  ANYWHERE ("netease", "rp:cel", "RP:CEL", NULL, REPUTATION, SENDER, NOTE_SENDING_SOFTWARE),
  ANYWHERE ("netease", "rp:qrc", "RP:QRC", "speeding", RATE_LIMITED, SENDER, NOTE_NE_RECIPIENT_WINDOW),
  ANYWHERE ("netease", "rp:rcl", "RP:RCL", "speeding", RATE_LIMITED, SENDER, NOTE_TOO_MANY_RECIPIENTS),
  ANYWHERE ("netease", "rp:trc", "RP:TRC", "speeding", RATE_LIMITED, SENDER, NOTE_DAILY_LIMIT_TOMORROW),
  ANYWHERE ("netease", "rp:frl", "RP:FRL", "norelaying", POLICY, SENDER, NOTE_NORELAY),
  ANYWHERE ("netease", "dt:rbl", "DT:RBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE ("netease", "451 dt:spm", "DT:SPM", "spamdetected", CONTENT, SENDER, NOTE_NE_SPAM_TEMP),
  ANYWHERE ("netease", "dt:spm", "DT:SPM", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("netease", "dt:sum", "DT:SUM", "securityerror", AUTHENTICATION, SENDER, NOTE_SENDER_MISMATCH),
  ANYWHERE ("netease", "wm:bli", "WM:BLI", "blocked", POLICY, RECIPIENT, NOTE_ALLOWLIST_ONLY),
  ANYWHERE ("netease", "wm:blu", "WM:BLU", "rejected", POLICY, RECIPIENT, NOTE_ALLOWLIST_ONLY),
  ANYWHERE ("netease", "smtp auth error limit exceed", "554", "securityerror", AUTHENTICATION, SENDER, NOTE_LOGIN_LIMIT),
  ANYWHERE ("netease", "too much fail authentication", "451", "securityerror", AUTHENTICATION, SENDER, NOTE_LOGIN_LIMIT),
  ENTRY ("netease", "ip in blacklist", "554", "blocked", REPUTATION, SENDER, NOTE_NE_IP_BLOCKED),
  ENTRY ("netease", "user in blacklist", "550", "filtered", POLICY, RECIPIENT, NOTE_RECIPIENT_FILTER),
  ENTRY ("netease", "user suspend", "550", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ENTRY ("netease", "invalid user", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("netease", "user not found", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("netease", "illegal attachment", "552", "policyviolation", CONTENT, SENDER, NOTE_ATTACHMENT_BLOCKED),
  ENTRY ("netease", "exceeded mailsize limit", "552", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ENTRY ("netease", "user has no permission", "550", "securityerror", AUTHENTICATION, SENDER, NOTE_NE_NO_PERMISSION),
  ENTRY ("netease", "authentication failed", "535", "securityerror", AUTHENTICATION, SENDER, NOTE_CLIENT_LOGIN),
  ENTRY ("netease", "rejected by system", "554", "spamdetected", CONTENT, SENDER, NOTE_NE_SYSTEM_REJECT),
  ANYWHERE ("netease", "rcpt handle timeout", "451", "expired", TEMPORARY, NOBODY, NOTE_REMOTE_TIMEOUT),

  /* Tencent: QQ Mail and Exmail */
  ANYWHERE ("tencent", "ip frequency limited", "550", "toomanyconn", RATE_LIMITED, SENDER, NOTE_QQ_IP_FREQ),
  ANYWHERE ("tencent", "domain frequency limited", "550", "toomanyconn", RATE_LIMITED, SENDER, NOTE_QQ_DOMAIN_FREQ),
  ANYWHERE ("tencent", "sender frequency limited", "550", "speeding", RATE_LIMITED, SENDER, NOTE_QQ_SENDER_FREQ),
  ANYWHERE ("tencent", "connection frequency limited", "550", "toomanyconn", RATE_LIMITED, SENDER, NOTE_QQ_CONN_FREQ),
  ANYWHERE ("tencent", "mailbox unavailable or access denied", "550", "speeding", RATE_LIMITED, NOBODY, NOTE_QQ_RECIPIENT_BURST),
  ANYWHERE ("tencent", "mail content denied", "550", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("tencent", "spam is embedded in the email", "550", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("tencent", "suspected spam ip", "550", "blocked", REPUTATION, SENDER, NOTE_QQ_SPAM_SOURCE),
  ANYWHERE ("tencent", "suspected spam sender", "550", "rejected", REPUTATION, SENDER, NOTE_QQ_SPAM_SOURCE),
  ANYWHERE ("tencent", "suspected bounce attacks", "550", "blocked", REPUTATION, SENDER, NOTE_QQ_BOUNCE_ATTACK),
  ANYWHERE ("tencent", "suspected spam", "550", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("tencent", "mail is rejected by recipients", "550", "filtered", POLICY, RECIPIENT, NOTE_RECIPIENT_FILTER),
  ANYWHERE ("tencent", "is a deactivated mailbox", "550", "suspend", MAILBOX, RECIPIENT, NOTE_QQ_DEACTIVATED),
  ANYWHERE ("tencent", "spf check failed", "550", "authfailure", AUTHENTICATION, SENDER, NOTE_SPF_FAIL),
  ANYWHERE ("tencent", "dmarc check failed", "550", "authfailure", AUTHENTICATION, SENDER, NOTE_DMARC_REJECT),
  ANYWHERE ("tencent", "mail from address must be same as authorization user", "501", "securityerror", AUTHENTICATION, SENDER, NOTE_QQ_SAME_AUTH),
  ANYWHERE ("tencent", "please enter your authorization code", "535", "securityerror", AUTHENTICATION, SENDER, NOTE_QQ_AUTH_CODE),
  ENTRY ("tencent", "connection denied", "550", "blocked", REPUTATION, SENDER, NOTE_QQ_SPAM_SOURCE),
  ENTRY ("tencent", "mailbox not found", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("tencent", "bad address syntax", "501", "syntaxerror", ADDRESS, RECIPIENT, NOTE_BAD_ADDRESS_SYNTAX),
  ENTRY ("tencent", "message too large", "552", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ENTRY ("tencent", "mailbox is full", "552", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),
  ENTRY ("tencent", "content rejected", "550", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),

  /* Alibaba Mail / Aliyun Qiye */
  ANYWHERE ("alibaba", "eso_local_spam", "ESO_LOCAL_SPAM", "spamdetected", CONTENT, SENDER, NOTE_ALI_ESO),
  ANYWHERE ("alibaba", "spamed by local spam engine", "554", "spamdetected", CONTENT, SENDER, NOTE_ALI_SPAM),
  ANYWHERE ("alibaba", "transient reject by behaviour spam", "454", "speeding", RATE_LIMITED, SENDER, NOTE_ALI_BEHAVIOUR),
  ANYWHERE ("alibaba", "reject by behaviour spam", "554", "speeding", RATE_LIMITED, SENDER, NOTE_ALI_BEHAVIOUR),
  ANYWHERE ("alibaba", "reject by content spam", "554", "spamdetected", CONTENT, SENDER, NOTE_ALI_SPAM),
  ANYWHERE ("alibaba", "dosn't exist", "554", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("alibaba", "\"rcpt to\" mailbox unavailable", "553", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("alibaba", "rcptto account isn't a local account", "503", "norelaying", DOMAIN, RECIPIENT, NOTE_ALI_NOT_LOCAL),
  ANYWHERE ("alibaba", "number of rcpt attempts is achieved the maximum threshold", "504", "speeding", RATE_LIMITED, SENDER, NOTE_ALI_RCPT_ATTEMPTS),
  ANYWHERE ("alibaba", "total of rcpts is achieved the maximum threshold", "505", "speeding", RATE_LIMITED, SENDER, NOTE_TOO_MANY_RECIPIENTS),
  ANYWHERE ("alibaba", "is achieved the maximum threshold", "510", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ANYWHERE ("alibaba", "virus infected mail rejected", "551", "virusdetected", CONTENT, SENDER, NOTE_VIRUS),
  ANYWHERE ("alibaba", "account isn't allowed to send email", "541", "rejected", REPUTATION, SENDER, NOTE_ALI_CANNOT_SEND),
  ANYWHERE ("alibaba", "account isn't allowed to receive email", "542", "suspend", MAILBOX, RECIPIENT, NOTE_ALI_CANNOT_RECEIVE),
  ANYWHERE ("alibaba", "doesn't conform with authentication", "440", "securityerror", AUTHENTICATION, SENDER, NOTE_SENDER_MISMATCH),
  ANYWHERE ("alibaba", "uc_login_source_not_allowed", "UC_LOGIN_SOURCE_NOT_ALLOWED", "securityerror", AUTHENTICATION, SENDER, NOTE_ALI_LOGIN),
  ANYWHERE ("alibaba", "uc_oper_no_permission", "UC_OPER_NO_PERMISSION", "securityerror", AUTHENTICATION, SENDER, NOTE_ALI_LOGIN),
  ANYWHERE ("alibaba", "uc_client_non_ssl", "UC_CLIENT_NON_SSL", "securityerror", AUTHENTICATION, SENDER, NOTE_ALI_LOGIN),
  ENTRY ("alibaba", "authentication failure", "526", "securityerror", AUTHENTICATION, SENDER, NOTE_ALI_LOGIN),
  ENTRY ("alibaba", "mailbox is full", "552", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),

  /* Coremail (self-hosted; NetEase also runs on it) */
  ANYWHERE ("coremail", "netease antispam", "550", "spamdetected", CONTENT, SENDER, NOTE_COREMAIL_SPAM),
  ANYWHERE ("coremail", "debuginfo:spf_reject", "SPF_REJECT", "authfailure", AUTHENTICATION, SENDER, NOTE_SPF_FAIL),
  ANYWHERE ("coremail", "local server don't exists that user", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("coremail", "quota exceed the hard limit for user", "552", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),
  ANYWHERE ("coremail", "ip is hangup", "554", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE ("coremail", "requested mail action not taken: fake sender", "553", "securityerror", AUTHENTICATION, SENDER, NOTE_FORGED_SENDER),
  ENTRY ("coremail", "this message is not welcome", "550", "spamdetected", CONTENT, SENDER, NOTE_COREMAIL_SPAM),
  ENTRY ("coremail", "content rejected", "550", "spamdetected", CONTENT, SENDER, NOTE_COREMAIL_SPAM),
  ENTRY ("coremail", "unavailable mail user", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("coremail", "user not found", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("coremail", "user hangup", "550", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ENTRY ("coremail", "user disabled", "550", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ENTRY ("coremail", "user suspended", "550", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ENTRY ("coremail", "user in blacklist", "550", "filtered", POLICY, RECIPIENT, NOTE_RECIPIENT_FILTER),
  ENTRY ("coremail", "user rejected", "550", "filtered", POLICY, RECIPIENT, NOTE_RECIPIENT_FILTER),
  ENTRY ("coremail", "rcpt is rejected", "550", "filtered", POLICY, RECIPIENT, NOTE_RECIPIENT_FILTER),
  ENTRY ("coremail", "ip is rejected", "554", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ENTRY ("coremail", "invalid ip", "554", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ENTRY ("coremail", "sender is rejected", "553", "rejected", REPUTATION, SENDER, NOTE_SENDER_REJECTED),
  ENTRY ("coremail", "exceeded storage allocation", "552", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),

  /* Other Chinese services */
  ENTRY ("net263", "user not exist", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("net263", "mail size limit exceeded", "552", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ENTRY ("sina", "too many connect", "550", "toomanyconn", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),

  /* Mimecast */
  ANYWHERE ("mimecast", "envelope blocked - user", "550", "rejected", POLICY, RECIPIENT, NOTE_MIMECAST_BLOCKED),
  ANYWHERE ("mimecast", "local ct ip reputation", "550", "badreputation", REPUTATION, SENDER, NOTE_MIMECAST_REPUTATION),
  ANYWHERE ("mimecast", "community.mimecast.com/docs/doc-1369", "550", "rejected", POLICY, RECIPIENT, NOTE_MIMECAST_BLOCKED),
  ANYWHERE ("mimecast", "header-based anti-spoofing policy", "550", "authfailure", AUTHENTICATION, SENDER, NOTE_GATEWAY_SPOOF),
  ANYWHERE ("mimecast", "sender invalid - envelope rejected", "550", "authfailure", AUTHENTICATION, SENDER, NOTE_GATEWAY_SPOOF),
  ANYWHERE ("mimecast", "email rejected due to security policies", "554", "virusdetected", CONTENT, SENDER, NOTE_GATEWAY_SECURITY),
  ENTRY ("mimecast", "ip temporarily blacklisted", "550", "blocked", REPUTATION, SENDER, NOTE_MIMECAST_REPUTATION),
  ENTRY ("mimecast", "internal resources are temporarily unavailable", "451", NULL, TEMPORARY, NOBODY, NOTE_TEMPORARY_REFUSAL),
  ENTRY ("mimecast", "maximum email size exceeded", "554", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ENTRY ("mimecast", "invalid recipient", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),

  /* Other gateways */
  ANYWHERE ("proofpoint", "ipcheck.proofpoint.com", "550", "blocked", REPUTATION, SENDER, NOTE_PROOFPOINT),
  ANYWHERE ("proofpoint", "proofpoint.com/dnsbl-lookup", "550", "blocked", REPUTATION, SENDER, NOTE_PROOFPOINT),
  ANYWHERE ("barracuda", "barracuda reputation", "554", "blocked", REPUTATION, SENDER, NOTE_BARRACUDA),
  ANYWHERE ("barracuda", "barracudacentral.org", "554", "blocked", REPUTATION, SENDER, NOTE_BARRACUDA),
  ANYWHERE ("barracuda", "barracudacentral.com", "554", "blocked", REPUTATION, SENDER, NOTE_BARRACUDA),
  ANYWHERE ("barracuda", "barracudanetworks.com/reputation", "554", "blocked", REPUTATION, SENDER, NOTE_BARRACUDA),
  ANYWHERE ("messagelabs", "ipremoval.sms.symantec.com", "553", "blocked", REPUTATION, SENDER, NOTE_SYMANTEC),
  ENTRY ("messagelabs", "no such user", "550", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  /* Amazon SES receiving mail for its customers (inbound-smtp) */
  ENTRY ("amazon-ses", "mailbox does not exist", "550", "filtered", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("amazon-ses", "message filtered", "550", "filtered", CONTENT, SENDER, NULL),
  /* Facebook's response codes (postmaster.facebook.com/response_codes) */
  ANYWHERE ("facebook", "rcp-p1", "RCP-P1", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ANYWHERE ("facebook", "rcp-p2", "RCP-P2", "filtered", POLICY, RECIPIENT, NULL),
  ANYWHERE ("facebook", "rcp-p3", "RCP-P3", "filtered", POLICY, RECIPIENT, NULL),
  ANYWHERE ("facebook", "pol-p1", "POL-P1", "blocked", REPUTATION, SENDER, NULL),
  ANYWHERE ("facebook", "pol-p2", "POL-P2", "blocked", REPUTATION, SENDER, NULL),
  ANYWHERE ("facebook", "msg-p1", "MSG-P1", "mesgtoobig", TOO_BIG, SENDER, NULL),
  ANYWHERE ("facebook", "rcp-t4", "RCP-T4", "suspend", MAILBOX, RECIPIENT, NULL),
  ANYWHERE ("cisco-ironport", "talosintelligence.com", "554", "badreputation", REPUTATION, SENDER, NOTE_CISCO),
  ANYWHERE ("cisco-ironport", "senderbase", "554", "badreputation", REPUTATION, SENDER, NOTE_CISCO),
  ANYWHERE ("cisco-ironport", "sending mta's poor reputation", "554", "badreputation", REPUTATION, SENDER, NOTE_CISCO),
  ANYWHERE ("trendmicro", "trend micro email reputation", "550", "blocked", REPUTATION, SENDER, NOTE_TRENDMICRO),
  ANYWHERE ("trendmicro", "mail-abuse.com", "550", "blocked", REPUTATION, SENDER, NOTE_TRENDMICRO),

  /* Internet providers and hosting (codes as listed in Sisimai's Rhost
   * modules for Cox, GoDaddy and Orange / La Poste) */
  ANYWHERE ("cox", "aup#cxbl", "AUP#CXBL", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ANYWHERE ("cox", "aup#cdrbl", "AUP#CDRBL", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ANYWHERE ("cox", "aup#ipbl1", "AUP#IPBL1000", "blocked", REPUTATION, SENDER, NOTE_CLOUDMARK),
  ANYWHERE ("cox", "aup#ipbl0001", "AUP#IPBL0001", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS),
  ANYWHERE ("cox", "aup#ipbl00001", "AUP#IPBL00001", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS),
  ANYWHERE ("cox", "aup#ipbl", "AUP#IPBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE ("cox", "aup#urlbl", "AUP#URLBL", "spamdetected", CONTENT, SENDER, NOTE_URL_BLOCKLIST),
  ANYWHERE ("cox", "aup#cxsmtp", "AUP#CXSMTP", "rejected", AUTHENTICATION, SENDER, NOTE_FORGED_SENDER),
  ANYWHERE ("cox", "aup#cxsndr", "AUP#CXSNDR", "rejected", AUTHENTICATION, SENDER, NOTE_SENDER_DOMAIN_DNS),
  ANYWHERE ("cox", "aup#cxdns", "AUP#CXDNS", "blocked", AUTHENTICATION, SENDER, NOTE_PTR),
  ANYWHERE ("cox", "aup#cxcnct", "AUP#CXCNCT", "toomanyconn", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ANYWHERE ("cox", "aup#cxmxrt", "AUP#CXMXRT", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ENTRY ("cox", "rejected - no rdns", "554", "requireptr", AUTHENTICATION, SENDER, NOTE_PTR),
  ENTRY ("cox", "too many invalid recipients", "554", "blocked", REPUTATION, SENDER, NOTE_INVALID_RECIPIENTS_IP),
  ENTRY ("godaddy", "ib103", "IB103", "blocked", REPUTATION, SENDER, NOTE_CLOUDMARK),
  ENTRY ("godaddy", "ib104", "IB104", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_SBL),
  ENTRY ("godaddy", "ib105", "IB105", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_XBL),
  ENTRY ("godaddy", "ib106", "IB106", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_PBL),
  ENTRY ("godaddy", "ib108", "IB108", "requireptr", AUTHENTICATION, SENDER, NOTE_PTR),
  ENTRY ("godaddy", "ib110", "IB110", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ENTRY ("godaddy", "ib111", "IB111", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ENTRY ("godaddy", "ib112", "IB112", "blocked", REPUTATION, SENDER, NOTE_INVALID_RECIPIENTS_IP),
  ENTRY ("godaddy", "ib113", "IB113", "blocked", REPUTATION, SENDER, NOTE_INVALID_RECIPIENTS_IP),
  ENTRY ("godaddy", "ib212", "IB212", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ENTRY ("godaddy", "ib504", "IB504", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ENTRY ("godaddy", "ib607", "IB607", "speeding", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ENTRY ("godaddy", "ib705", "IB705", "virusdetected", CONTENT, SENDER, NOTE_VIRUS),
  ENTRY ("orange", "_101", "101", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS),
  ENTRY ("orange", "_102", "102", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ENTRY ("orange", "_103", "103", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ENTRY ("orange", "_104", "104", "toomanyconn", RATE_LIMITED, SENDER, NOTE_RATE_GENERIC),
  ENTRY ("orange", "_416", "416", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("orange", "_418", "418", "userunknown", ADDRESS, RECIPIENT, NOTE_NO_SUCH_USER),
  ENTRY ("orange", "_417", "417", "mailboxfull", MAILBOX, RECIPIENT, NOTE_MAILBOX_FULL),
  ENTRY ("orange", "_420", "420", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ENTRY ("orange", "_426", "426", "suspend", MAILBOX, RECIPIENT, NOTE_SUSPENDED),
  ENTRY ("orange", "_505", "505", "systemerror", TEMPORARY, NOBODY, NOTE_TEMPORARY_REFUSAL),
  ENTRY ("orange", "_506", "506", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ENTRY ("orange", "_514", "514", "mesgtoobig", TOO_BIG, SENDER, NOTE_TOO_BIG),
  ENTRY ("orange", "_517", "517", "authfailure", AUTHENTICATION, SENDER, NOTE_DMARC_REJECT),
  ENTRY ("orange", "_630", "630", "policyviolation", POLICY, RECIPIENT, NOTE_RECIPIENT_POLICY),
  ENTRY ("orange", "_999", "999", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ANYWHERE ("comcast", "comcast block for spam", "554", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ANYWHERE ("att", "abuse_rbl@abuse-att.net", "553", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ANYWHERE ("gmx", "senderguidelines?c=bl", "554", "blocked", REPUTATION, SENDER, NOTE_ISP_OWN_BLOCK),
  ANYWHERE ("yandex", "rejected under suspicion of spam", "554", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("mailru", "help.mail.ru/notspam-support", "550", "spamdetected", CONTENT, SENDER, NOTE_SPAM_CONTENT),
  ANYWHERE ("amazon-ses", "email address is not verified", "554", "norelaying", POLICY, SENDER, NOTE_SES_UNVERIFIED),
  ANYWHERE ("amazon-ses", "sending paused for this account", "554", "rejected", REPUTATION, SENDER, NOTE_SES_PAUSED),
  ANYWHERE ("amazon-ses", "suppressed sending to this address", "550", NULL, ADDRESS, RECIPIENT, NOTE_SES_SUPPRESSED),
  ANYWHERE ("amazon-ses", "on the account-level suppression list", "550", NULL, ADDRESS, RECIPIENT, NOTE_SES_SUPPRESSED),

  /* Public blocklists: whoever's server reports them */
  ANYWHERE (NULL, "dbl.spamhaus.org", "Spamhaus DBL", "spamdetected", CONTENT, SENDER, NOTE_SPAMHAUS_DBL),
  ANYWHERE (NULL, "spamhaus dbl", "Spamhaus DBL", "spamdetected", CONTENT, SENDER, NOTE_SPAMHAUS_DBL),
  ANYWHERE (NULL, "spamhaus.org/query/dbl", "Spamhaus DBL", "spamdetected", CONTENT, SENDER, NOTE_SPAMHAUS_DBL),
  ANYWHERE (NULL, "pbl.spamhaus.org", "Spamhaus PBL", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_PBL),
  ANYWHERE (NULL, "spamhaus pbl", "Spamhaus PBL", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_PBL),
  ANYWHERE (NULL, "xbl.spamhaus.org", "Spamhaus XBL", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_XBL),
  ANYWHERE (NULL, "spamhaus xbl", "Spamhaus XBL", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_XBL),
  ANYWHERE (NULL, "sbl.spamhaus.org", "Spamhaus SBL", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_SBL),
  ANYWHERE (NULL, "spamhaus sbl", "Spamhaus SBL", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS_SBL),
  ANYWHERE (NULL, "zen.spamhaus.org", "Spamhaus ZEN", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS),
  ANYWHERE (NULL, "spamhaus", "Spamhaus", "blocked", REPUTATION, SENDER, NOTE_SPAMHAUS),
  ANYWHERE (NULL, "spamcop", "SpamCop", "blocked", REPUTATION, SENDER, NOTE_SPAMCOP),
  ANYWHERE (NULL, "sorbs.net", "SORBS", "blocked", REPUTATION, RECIPIENT, NOTE_SORBS),
  ANYWHERE (NULL, "uceprotect", "UCEPROTECT", "blocked", REPUTATION, SENDER, NOTE_UCEPROTECT),
  ANYWHERE (NULL, "csi.cloudmark.com", "Cloudmark CSI", "blocked", REPUTATION, SENDER, NOTE_CLOUDMARK),
  ANYWHERE (NULL, "cloudmark sender intelligence", "Cloudmark CSI", "blocked", REPUTATION, SENDER, NOTE_CLOUDMARK),
  ANYWHERE (NULL, "senderscore", "Sender Score", "blocked", REPUTATION, SENDER, NOTE_SENDERSCORE),
  ANYWHERE (NULL, "multi.surbl.org", "SURBL", "spamdetected", CONTENT, SENDER, NOTE_URL_BLOCKLIST),
  ANYWHERE (NULL, "surbl", "SURBL", "spamdetected", CONTENT, SENDER, NOTE_URL_BLOCKLIST),
  ANYWHERE (NULL, "uribl", "URIBL", "spamdetected", CONTENT, SENDER, NOTE_URL_BLOCKLIST),
  ANYWHERE (NULL, "blacklisted url in message", "URL", "spamdetected", CONTENT, SENDER, NOTE_URL_BLOCKLIST),
  ANYWHERE (NULL, "anti-spam.org.cn", "CASA", "blocked", REPUTATION, SENDER, NOTE_CASA),
  ANYWHERE (NULL, "cblplus", "CASA", "blocked", REPUTATION, SENDER, NOTE_CASA),
  ANYWHERE (NULL, "psbl.surriel.com", "PSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "abusix", "Abusix", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "mailspike", "Mailspike", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "spamrats", "SpamRATS", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "rats-dyna", "SpamRATS", "blocked", REPUTATION, SENDER, NOTE_DYNAMIC_IP),
  ANYWHERE (NULL, "rats-noptr", "SpamRATS", "requireptr", AUTHENTICATION, SENDER, NOTE_PTR),
  ANYWHERE (NULL, "junkemailfilter", "JunkEmailFilter", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "hostkarma", "JunkEmailFilter", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "invaluement", "Invaluement", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "unwelcome connection rejected", "554", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "matches up to the filter rule", "554", "filtered", POLICY, RECIPIENT, NOTE_RECIPIENT_FILTER),

  /* Generic blocklist wording (Sisimai's "blocked" patterns) */
  ANYWHERE (NULL, "blocked using ", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "listed in the rbl", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "is blocked by rbl", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "rbl reject", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "dnsbl", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "rejected based on blacklist", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "is in a black list", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "ip address is black listed", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "listed as abusive", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),
  ANYWHERE (NULL, "on our block list", "DNSBL", "blocked", REPUTATION, SENDER, NOTE_IP_BLOCKED_SHARED),

  /* Last resort: a DMARC rejection in any provider's words */
  ANYWHERE (NULL, "dmarc policy", "DMARC", "authfailure", AUTHENTICATION, SENDER, NOTE_DMARC_REJECT),
};

/* A provider may run on another's system or share its codes. */
typedef struct
{
  const char *provider_id;
  const char *uses_codes_of;
} CodeFamily;

static const CodeFamily code_families[] = {
  { "exmail", "tencent" },
  { "netease", "coremail" },
  { "netease-qiye", "netease" },
  { "netease-qiye", "coremail" },
  { "laposte", "orange" },
};

static gboolean
provider_uses_codes_of (const BbProvider *provider,
                        const char       *owner)
{
  if (strcmp (provider->id, owner) == 0)
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (code_families); i++)
    {
      if (strcmp (code_families[i].provider_id, provider->id) == 0 &&
          strcmp (code_families[i].uses_codes_of, owner) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_enhanced_status (const char *token)
{
  /* d.d{1,3}.d{1,3} */
  const char *p = token;
  int         digits;

  if (!g_ascii_isdigit (*p) || p[1] != '.')
    return FALSE;
  p += 2;

  for (int part = 0; part < 2; part++)
    {
      for (digits = 0; g_ascii_isdigit (*p); p++)
        digits++;
      if (digits < 1 || digits > 3)
        return FALSE;
      if (part == 0)
        {
          if (*p != '.')
            return FALSE;
          p++;
        }
    }

  return *p == '\0';
}

static gboolean
is_reply_code (const char *token,
               gsize       len)
{
  return len == 3 && token[0] >= '2' && token[0] <= '5' &&
         g_ascii_isdigit (token[1]) && g_ascii_isdigit (token[2]);
}

/* Multi-line SMTP replies reach us as "550-5.7.1 text … 550-5.7.1 more
 * text … 550 5.7.1 end" (Postfix joins the lines) or with line breaks
 * and indentation (DSN folding).  Collapse white space and drop the
 * repeated reply prefixes, keeping the first one, so that the needles
 * can span the original line breaks.
 */
/* Normalising is needed for "550-5.7.1" prefixes (three digits and a
 * dash, standing alone) and for white space other than single spaces. */
/* The needles of the table, indexed once for a single pass per text. */
static gpointer
build_needle_index (gpointer data)
{
  const char   **needles = g_new0 (const char *, G_N_ELEMENTS (entries));
  BbPhraseIndex *index;

  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    needles[i] = entries[i].code.needle;
  index = bb_phrase_index_new (needles, G_N_ELEMENTS (entries));
  g_free (needles);
  return index;
}

static const BbPhraseIndex *
needle_index (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_needle_index, NULL);
}

#define N_WORDS ((G_N_ELEMENTS (entries) + 63) / 64)

static gboolean
mark_cb (guint    id,
         gsize    start,
         gsize    len,
         gpointer user_data)
{
  guint64 *bits = user_data;

  bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
  return TRUE;
}

static gboolean
has_continuation_prefix (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t' || *p == '\f' || *p == '\v' ||
        (*p == ' ' && (p[1] == ' ' || p == text || p[1] == '\0')))
      return TRUE;
  for (const char *p = strchr (text, '-'); p != NULL; p = strchr (p + 1, '-'))
    if (p - text >= 3 && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[-2]) &&
        g_ascii_isdigit (p[-3]) && (p - text == 3 || !g_ascii_isalnum (p[-4])))
      return TRUE;
  return FALSE;
}

static char *
normalize_diagnostic (const char *diagnostic)
{
  g_autofree char *lower = bb_text_ascii_lower (diagnostic, -1);
  g_auto (GStrv) tokens = g_strsplit_set (lower, " \t\r\n\f\v", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  char reply[4] = "";

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      gsize       len = strlen (token);

      if (len == 0)
        continue;

      /* "550-5.7.1" or "550-" */
      if (len >= 4 && is_reply_code (token, 3) && token[3] == '-' &&
          (len == 4 || is_enhanced_status (token + 4)))
        {
          if (reply[0] != '\0')
            continue;

          memcpy (reply, token, 3);
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_len (out, token, 3);
          if (len > 4)
            {
              g_string_append_c (out, ' ');
              g_string_append (out, token + 4);
            }
          continue;
        }

      /* The last line of the reply: "550 5.7.1 …" */
      if (reply[0] != '\0' && is_reply_code (token, len) &&
          strncmp (token, reply, 3) == 0)
        {
          if (tokens[i + 1] != NULL && is_enhanced_status (tokens[i + 1]))
            i++;
          continue;
        }

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, token, len);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * bb_provider_code_match:
 * @provider: (nullable): the provider whose server wrote the reply, if
 *   known
 * @diagnostic_lower: the server's reply (Diagnostic-Code, "said:" text),
 *   preferably lower-cased
 *
 * Finds the first known provider-specific code or text in the reply.
 * Entries of @provider (and of the systems it runs on) are considered,
 * plus blocklist entries and codes distinctive enough to be recognised
 * whoever reports them (such as "ESO_LOCAL_SPAM" or "S3150").  The
 * returned entry's @provider_id says whose code it is; it is %NULL for
 * public blocklists and generic wording.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL
 */
const BbProviderCode *
bb_provider_code_match (const BbProvider *provider,
                        const char       *diagnostic_lower)
{
  g_autofree char *lower = NULL;
  BbMatchText      mt;

  g_return_val_if_fail (diagnostic_lower != NULL, NULL);

  lower = bb_text_ascii_lower (diagnostic_lower, -1);
  bb_match_text_init (&mt, lower, strlen (lower));
  return bb_provider_code_match_text (provider, &mt);
}

/**
 * bb_provider_code_match_text:
 * @mt: the reply, lower-cased, made ready for matching
 *
 * As bb_provider_code_match(), for a reply the caller has matched
 * already (the classifier reads the same text for the reasons).
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL
 */
const BbProviderCode *
bb_provider_code_match_text (const BbProvider  *provider,
                             const BbMatchText *mt)
{
  g_autofree char *normalized = NULL;
  BbMatchText      nmt;
  guint64          bits[N_WORDS] = { 0 };

  g_return_val_if_fail (mt != NULL, NULL);

  /* Hundreds of needles against one text: one pass marks those found. */
  bb_phrase_index_scan (needle_index (), mt, mark_cb, bits);
  /* Only multi-line replies ("550-5.7.1 …") need normalising. */
  if (has_continuation_prefix (mt->text))
    {
      normalized = normalize_diagnostic (mt->text);
      bb_match_text_init (&nmt, normalized, strlen (normalized));
      bb_phrase_index_scan (needle_index (), &nmt, mark_cb, bits);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const CodeEntry *entry = &entries[i];
      const char      *owner = entry->code.provider_id;

      if (!(bits[i / 64] & (G_GUINT64_CONSTANT (1) << (i % 64))))
        continue;
      if (!entry->anywhere &&
          (owner == NULL || provider == NULL ||
           !provider_uses_codes_of (provider, owner)))
        continue;
      return &entry->code;
    }

  return NULL;
}
