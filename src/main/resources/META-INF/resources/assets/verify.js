/*
 * The verification page (/verify): checks a receipt against the public audit log in the browser,
 * with no library, trusting none of the server's answers:
 *   (a) the entry's exact bytes hash to the leaf hash (RFC 9162: SHA-256(0x00 ‖ entry)),
 *   (b) the inclusion proof leads from that leaf to the root of the signed checkpoint's tree
 *       (interior nodes SHA-256(0x01 ‖ left ‖ right), RFC 9162 §2.1.3.2),
 *   (c) the checkpoint (a C2SP signed note) carries a valid Ed25519 signature by the published
 *       verifier key (name+hexid+base64(0x01 ‖ key)).
 * It says "verified" only when all three hold. The formats are those of cn.landmarket.audit
 * (MerkleTree, SignedNote, Checkpoint) and the offline verifier (cn.landmarket.verifier).
 */
(function () {
  'use strict';

  var encoder = new TextEncoder();

  // The checks themselves, for the other pages that verify log entries (the regulator's dossier).
  window.LogCheck = {
    fromBase64: fromBase64,
    decodeHash: decodeHash,
    equal: equal,
    leafHash: leafHash,
    verifyInclusion: verifyInclusion,
    parseCheckpoint: parseCheckpoint,
    checkSignature: checkSignature
  };

  var form = document.getElementById('verify-form');
  if (!form) {
    return;
  }
  var input = document.getElementById('verify-input');
  var indexInput = document.getElementById('verify-index');
  var button = document.getElementById('verify-submit');
  var statusEl = document.getElementById('verify-status');
  var result = document.getElementById('verify-result');
  var body = document.getElementById('verify-body');
  var texts = document.getElementById('verify-texts');
  var zone = form.getAttribute('data-zone') || 'Asia/Shanghai';
  var running = false;

  function t(key) {
    var el = texts && texts.content.querySelector('[data-k="' + key + '"]');
    return el ? el.textContent.trim() : key;
  }

  // ---- bytes -----------------------------------------------------------------------------

  function utf8(s) {
    return encoder.encode(s);
  }

  function concat() {
    var n = 0;
    var i;
    for (i = 0; i < arguments.length; i++) {
      n += arguments[i].length;
    }
    var out = new Uint8Array(n);
    var at = 0;
    for (i = 0; i < arguments.length; i++) {
      out.set(arguments[i], at);
      at += arguments[i].length;
    }
    return out;
  }

  function equal(a, b) {
    if (!a || !b || a.length !== b.length) {
      return false;
    }
    var diff = 0;
    for (var i = 0; i < a.length; i++) {
      diff |= a[i] ^ b[i];
    }
    return diff === 0;
  }

  function toHex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
      s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return s;
  }

  function fromHex(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) {
      out[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return out;
  }

  function toBase64(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
      s += String.fromCharCode(bytes[i]);
    }
    return btoa(s);
  }

  /** Standard or URL-safe base64 to bytes; null if it is not base64. */
  function fromBase64(text) {
    if (typeof text !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) {
      return null;
    }
    try {
      var s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
      var out = new Uint8Array(s.length);
      for (var i = 0; i < s.length; i++) {
        out[i] = s.charCodeAt(i);
      }
      return out;
    } catch (e) {
      return null;
    }
  }

  /** A SHA-256 hash written as 64 hex digits or in base64; null otherwise. */
  function decodeHash(text) {
    if (typeof text !== 'string') {
      return null;
    }
    var s = text.trim();
    if (/^[0-9a-fA-F]{64}$/.test(s)) {
      return fromHex(s);
    }
    var b = fromBase64(s);
    return b && b.length === 32 ? b : null;
  }

  // ---- hashes (RFC 9162) -------------------------------------------------------------------

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }

  function leafHash(entry) {
    return sha256(concat(new Uint8Array([0]), entry));
  }

  function nodeHash(left, right) {
    return sha256(concat(new Uint8Array([1]), left, right));
  }

  /** RFC 9162 §2.1.3.2, as MerkleTree.verifyInclusion (indexes as BigInt: JS bit operators are 32-bit). */
  async function verifyInclusion(index, size, leaf, proof, root) {
    if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size
        || !Array.isArray(proof)) {
      return false;
    }
    var fn = BigInt(index);
    var sn = BigInt(size) - 1n;
    var r = leaf;
    for (var i = 0; i < proof.length; i++) {
      var p = decodeHash(proof[i]);
      if (!p || sn === 0n) {
        return false;
      }
      if ((fn & 1n) === 1n || fn === sn) {
        r = await nodeHash(p, r);
        if ((fn & 1n) === 0n) {
          while ((fn & 1n) === 0n && fn !== 0n) {
            fn >>= 1n;
            sn >>= 1n;
          }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n && equal(r, root);
  }

  // ---- signed note and checkpoint (C2SP) -----------------------------------------------------

  /** The note's text (up to its last blank line) and its signature lines; null if it is no note. */
  function splitNote(note) {
    var split = note.lastIndexOf('\n\n');
    if (split < 0 || note.charAt(note.length - 1) !== '\n') {
      return null;
    }
    return { text: note.substring(0, split + 1), signatures: note.substring(split + 2).split('\n') };
  }

  /** origin, size and root of a checkpoint's text; null if malformed. */
  function parseCheckpoint(note) {
    var parts = splitNote(note);
    if (!parts) {
      return null;
    }
    var lines = parts.text.split('\n');
    if (lines.length < 4 || lines[0] === '' || !/^(0|[1-9][0-9]{0,15})$/.test(lines[1])) {
      return null;
    }
    var size = Number(lines[1]);
    var root = fromBase64(lines[2]);
    if (!Number.isSafeInteger(size) || !root || root.length !== 32) {
      return null;
    }
    return { origin: lines[0], size: size, root: root };
  }

  /** 'ok', or why the note carries no valid signature by the key: 'key', 'signature', 'webcrypto'. */
  async function checkSignature(note, verifierKey) {
    // name+id+key: the key's base64 may itself hold '+', so only the first two separate.
    var vkey = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(verifierKey.trim());
    if (!vkey) {
      return 'key';
    }
    vkey = vkey.slice(1);
    if (vkey[0] === '') {
      return 'key';
    }
    var name = vkey[0];
    var typed = fromBase64(vkey[2]);
    if (!typed || typed.length !== 33 || typed[0] !== 1) {
      return 'key';
    }
    var publicKey = typed.slice(1);
    var id = (await sha256(concat(utf8(name), new Uint8Array([10, 1]), publicKey))).slice(0, 4);
    if (toHex(id) !== vkey[1]) {
      return 'key';
    }
    var parts = splitNote(note);
    if (!parts) {
      return 'signature';
    }
    var key;
    try {
      key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      return 'webcrypto';
    }
    var prefix = '\u2014 ' + name + ' ';
    for (var i = 0; i < parts.signatures.length; i++) {
      var line = parts.signatures[i];
      if (line.indexOf(prefix) !== 0) {
        continue;
      }
      var blob = fromBase64(line.substring(prefix.length));
      if (!blob || blob.length !== 68 || !equal(blob.slice(0, 4), id)) {
        continue;
      }
      var ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, blob.slice(4), utf8(parts.text));
      return ok ? 'ok' : 'signature';
    }
    return 'signature';
  }

  // ---- what was pasted -------------------------------------------------------------------

  /**
   * What to look up: {mode: 'hash', leaf} for a leaf hash or a receipt carrying one,
   * {mode: 'index', index}, or {mode: 'entry', entry, claimed} for a pasted log entry (its bytes,
   * and the leaf hash it claims, if any); null if the input is not recognised.
   */
  function parseInput(text, indexText) {
    var s = text.trim();
    if (s === '') {
      return /^[0-9]{1,15}$/.test(indexText.trim()) ? { mode: 'index', index: Number(indexText.trim()) } : null;
    }
    if (/^[0-9]{1,15}$/.test(s)) {
      return { mode: 'index', index: Number(s) };
    }
    var hash = decodeHash(s);
    if (hash) {
      return { mode: 'hash', leaf: hash };
    }
    if (s.charAt(0) !== '{') {
      return null;
    }
    var o;
    try {
      o = JSON.parse(s);
    } catch (e) {
      return null;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      return null;
    }
    // A log entry as the audit API serves it: its exact bytes in base64, with its leaf hash.
    if (typeof o.entry === 'string') {
      var bytes = fromBase64(o.entry);
      if (!bytes) {
        return null;
      }
      var claimed = null;
      if (o.leafHash !== undefined && o.leafHash !== null) {
        claimed = decodeHash(String(o.leafHash)) || new Uint8Array(0);
      }
      return { mode: 'entry', entry: bytes, claimed: claimed };
    }
    // The entry itself, as written in the log.
    if ('type' in o && 'time' in o && 'actor' in o && 'facts' in o) {
      return { mode: 'entry', entry: utf8(s), claimed: null };
    }
    // A bid receipt (auditLeafHash), a sale result (logEntry.leafHash) or its log entry (leafHash).
    var leaf = o.auditLeafHash || o.leafHash || (o.logEntry && o.logEntry.leafHash);
    if (typeof leaf === 'string') {
      var h = decodeHash(leaf);
      return h ? { mode: 'hash', leaf: h } : null;
    }
    return null;
  }

  // ---- reading the log ---------------------------------------------------------------------

  function Failure(status) {
    this.status = status;
  }

  async function read(url, type) {
    var response;
    try {
      response = await fetch(url, { headers: { Accept: type }, cache: 'no-store', credentials: 'same-origin' });
    } catch (e) {
      throw new Failure(0);
    }
    if (!response.ok) {
      throw new Failure(response.status);
    }
    return type === 'application/json' ? response.json() : response.text();
  }

  // ---- showing it --------------------------------------------------------------------------

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function setStatus(outcome, text) {
    statusEl.setAttribute('data-outcome', outcome);
    statusEl.className = 'verdict ' + outcome;
    statusEl.textContent = text;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** An instant as yyyy-MM-dd HH:mm:ss in the market's zone; null if it is not an instant. */
  function marketTime(iso) {
    var m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(iso);
    if (!m) {
      return null;
    }
    var date = new Date(m[1] + (m[2] ? m[2].substring(0, 4) : '') + 'Z');
    if (isNaN(date.getTime())) {
      return null;
    }
    var parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric'
    }).formatToParts(date).forEach(function (p) {
      parts[p.type] = p.value;
    });
    return parts.year + '-' + pad(+parts.month) + '-' + pad(+parts.day) + ' ' + pad(+parts.hour) + ':'
        + pad(+parts.minute) + ':' + pad(+parts.second);
  }

  /** ¥ with thousands separators from an integer number of fen (kept exact as a string). */
  function yuanOfFen(value) {
    var s = String(value);
    if (!/^-?[0-9]+$/.test(s)) {
      return null;
    }
    var negative = s.charAt(0) === '-';
    var digits = negative ? s.substring(1) : s;
    while (digits.length < 3) {
      digits = '0' + digits;
    }
    var whole = digits.substring(0, digits.length - 2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (negative ? '-' : '') + '¥' + whole + '.' + digits.substring(digits.length - 2);
  }

  function typeLabel(type) {
    var dot = type.indexOf('.');
    var family = dot < 0 ? type : type.substring(0, dot);
    if (type === 'bid.accepted') {
      return t('type.bid.accepted');
    }
    if (family === 'listing') {
      var status = t('status.' + type.substring(dot + 1).toUpperCase());
      return status.indexOf('status.') === 0 ? null : t('type.listing') + status;
    }
    var label = t('type.' + family);
    return label.indexOf('type.') === 0 ? null : label;
  }

  function valueNode(key, value) {
    if (value === null || value === undefined) {
      return el('span', 'none', t('null'));
    }
    if (/Fen$/.test(key) && (typeof value === 'number' || typeof value === 'bigint')) {
      var yuan = yuanOfFen(value);
      if (yuan) {
        return el('span', 'money', yuan);
      }
    }
    if (typeof value === 'string') {
      var time = marketTime(value);
      if (time) {
        var node = el('time', null, time);
        node.setAttribute('datetime', value);
        return node;
      }
      return el('span', /Commitment$/.test(key) ? 'hash' : null, value);
    }
    if (typeof value === 'object') {
      return el('code', 'hash', JSON.stringify(value, function (k, v) {
        return typeof v === 'bigint' ? v.toString() : v;
      }));
    }
    return el('span', null, String(value));
  }

  function row(dl, label, content) {
    var div = el('div');
    div.appendChild(el('dt', null, label));
    var dd = el('dd');
    dd.appendChild(typeof content === 'string' ? document.createTextNode(content) : content);
    div.appendChild(dd);
    dl.appendChild(div);
  }

  /** The entry's JSON, big integers kept exact; null if the bytes are not a log entry. */
  function readEntry(bytes) {
    var text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) {
      return null;
    }
    try {
      var value = JSON.parse(text, function (k, v, context) {
        return typeof v === 'number' && !Number.isSafeInteger(v) && context && /^-?[0-9]+$/.test(context.source)
          ? BigInt(context.source) : v;
      });
      if (!value || typeof value !== 'object' || typeof value.type !== 'string') {
        return { text: text };
      }
      return { text: text, value: value };
    } catch (e) {
      return { text: text };
    }
  }

  function showEntry(entry) {
    if (!entry) {
      return;
    }
    body.appendChild(el('h3', null, t('entry_title')));
    if (entry.value) {
      var v = entry.value;
      var dl = el('dl', 'facts entry');
      var type = el('span');
      var label = typeLabel(v.type);
      if (label) {
        type.appendChild(document.createTextNode(label + ' '));
      }
      type.appendChild(el('code', null, v.type));
      row(dl, t('type'), type);
      row(dl, t('time'), valueNode('time', v.time));
      row(dl, t('actor'), valueNode('actor', v.actor));
      body.appendChild(dl);
      if (v.facts && typeof v.facts === 'object' && !Array.isArray(v.facts)) {
        body.appendChild(el('h4', null, t('facts')));
        var facts = el('dl', 'facts');
        Object.keys(v.facts).forEach(function (k) {
          row(facts, k, valueNode(k, v.facts[k]));
        });
        body.appendChild(facts);
        body.appendChild(el('p', 'hint', t('facts_note')));
      }
    }
    var raw = el('details', 'raw');
    raw.appendChild(el('summary', null, t('raw')));
    var pre = el('pre');
    pre.appendChild(el('code', null, entry.text));
    raw.appendChild(pre);
    body.appendChild(raw);
  }

  function showChecks(checks) {
    var list = el('ol', 'checks');
    ['entry', 'inclusion', 'signature'].forEach(function (name) {
      var c = checks[name];
      var li = el('li', c.result);
      li.setAttribute('data-check', name);
      li.setAttribute('data-result', c.result);
      li.appendChild(el('span', 'mark', c.result === 'passed' ? '✓' : c.result === 'failed' ? '✗' : '–'))
        .setAttribute('aria-hidden', 'true');
      li.appendChild(el('span', 'label', t('check_' + name)));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('strong', 'outcome', t(c.result)));
      if (c.reason) {
        li.appendChild(el('p', 'reason', t(c.reason)));
      }
      list.appendChild(li);
    });
    body.appendChild(list);
  }

  function showDetails(d) {
    var details = el('details', 'tech');
    details.appendChild(el('summary', null, t('details')));
    var dl = el('dl', 'facts');
    if (d.index !== undefined) {
      row(dl, t('index'), String(d.index));
    }
    if (d.checkpoint) {
      row(dl, t('tree_size'), String(d.checkpoint.size));
    }
    if (d.leaf) {
      row(dl, t('leaf_hash'), el('code', 'hash', toHex(d.leaf)));
    }
    if (d.checkpoint) {
      row(dl, t('root_hash'), el('code', 'hash', toBase64(d.checkpoint.root)));
      row(dl, t('origin'), el('code', 'hash', d.checkpoint.origin));
    }
    if (d.key) {
      row(dl, t('key'), el('code', 'hash', d.key.trim()));
    }
    details.appendChild(dl);
    body.appendChild(details);
  }

  // ---- the verification ----------------------------------------------------------------------

  async function verify(what) {
    var checks = {
      entry: { result: 'skipped' },
      inclusion: { result: 'skipped' },
      signature: { result: 'skipped' }
    };
    var details = {};
    var entry = null;
    var problem = null;

    var key;
    var note;
    try {
      var both = await Promise.all([read('/api/audit/key', 'text/plain'),
        read('/api/audit/checkpoint', 'text/plain').catch(function (e) {
          if (e instanceof Failure && e.status === 404) {
            return null;
          }
          throw e;
        })]);
      key = both[0];
      note = both[1];
    } catch (e) {
      return { checks: checks, details: details, problem: 'unreachable' };
    }
    if (note === null) {
      return { checks: checks, details: details, problem: 'no_checkpoint' };
    }
    details.key = key;

    // (c) the checkpoint's signature
    var signed = await checkSignature(note, key);
    if (signed === 'ok') {
      checks.signature = { result: 'passed' };
    } else if (signed === 'webcrypto') {
      problem = 'no_webcrypto';
    } else {
      checks.signature = { result: 'failed', reason: signed === 'key' ? 'fail_key' : 'fail_signature' };
    }
    var checkpoint = parseCheckpoint(note);
    details.checkpoint = checkpoint;
    if (!checkpoint) {
      checks.inclusion = { result: 'failed', reason: 'fail_checkpoint' };
    }

    // the entry and its proof in the checkpoint's tree
    var lookup = what.mode === 'entry' ? await leafHash(what.entry) : what.leaf;
    details.leaf = lookup;
    var url = what.mode === 'index' ? '/api/audit/entries/' + what.index
      : '/api/audit/proof-by-hash?hash=' + toHex(lookup);
    if (checkpoint) {
      url += (url.indexOf('?') < 0 ? '?' : '&') + 'treeSize=' + checkpoint.size;
    }
    var served = null;
    try {
      served = await read(url, 'application/json');
    } catch (e) {
      var missing = e instanceof Failure && (e.status === 404 || e.status === 400);
      if (!missing) {
        problem = problem || 'unreachable';
      } else if (checkpoint) {
        checks.inclusion = { result: 'failed', reason: 'not_found' };
      }
    }

    var bytes = what.mode === 'entry' ? what.entry : served && fromBase64(served.entry);
    if (bytes) {
      // (a) the entry's bytes hash to the leaf hash of the receipt (or of the pasted entry, or the log's)
      var computed = await leafHash(bytes);
      var expected = what.mode === 'hash' ? what.leaf
        : what.mode === 'entry' ? (what.claimed || computed) : decodeHash(served.leafHash);
      checks.entry = equal(computed, expected) ? { result: 'passed' } : { result: 'failed', reason: 'fail_entry' };
      details.leaf = computed;
      entry = readEntry(bytes);
      // (b) the proof leads from that leaf hash to the checkpoint's root, for the checkpoint's tree size
      if (served && checkpoint) {
        details.index = served.index;
        var included = served.treeSize === checkpoint.size
          && await verifyInclusion(served.index, checkpoint.size, computed, served.proof, checkpoint.root);
        checks.inclusion = included ? { result: 'passed' } : { result: 'failed', reason: 'fail_inclusion' };
      }
    } else if (served) {
      checks.entry = { result: 'failed', reason: 'fail_entry' };
    }
    return { checks: checks, details: details, entry: entry, problem: problem };
  }

  function show(outcome) {
    body.textContent = '';
    var c = outcome.checks;
    var verified = c.entry.result === 'passed' && c.inclusion.result === 'passed'
      && c.signature.result === 'passed' && !outcome.problem;
    if (verified) {
      setStatus('verified', t('verified') + ' — ' + t('verified_detail'));
    } else {
      var reasons = [];
      if (outcome.problem) {
        reasons.push(t(outcome.problem));
      }
      ['entry', 'inclusion', 'signature'].forEach(function (name) {
        if (c[name].reason && reasons.indexOf(t(c[name].reason)) < 0) {
          reasons.push(t(c[name].reason));
        }
      });
      setStatus('failed', t('not_verified') + ' — ' + reasons.join(' '));
    }
    showChecks(c);
    showEntry(outcome.entry);
    showDetails(outcome.details);
    result.hidden = false;
  }

  async function run() {
    if (running) {
      return;
    }
    var what = parseInput(input.value, indexInput.value);
    if (!what) {
      input.setAttribute('aria-invalid', 'true');
      result.hidden = true;
      setStatus('failed', t('bad_input'));
      return;
    }
    input.removeAttribute('aria-invalid');
    if (!window.crypto || !crypto.subtle) {
      setStatus('failed', t('no_webcrypto'));
      return;
    }
    running = true;
    button.disabled = true;
    result.hidden = true;
    setStatus('running', t('running'));
    try {
      show(await verify(what));
    } catch (e) {
      setStatus('failed', t('not_verified') + ' — ' + t('unreachable'));
    } finally {
      running = false;
      button.disabled = false;
    }
    return what;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run().then(function (what) {
      if (!what || !window.history || !history.replaceState) {
        return;
      }
      var query = what.mode === 'hash' ? '?leaf=' + toHex(what.leaf)
        : what.mode === 'index' ? '?index=' + what.index : '';
      history.replaceState(null, '', '/verify' + query);
    });
  });

  if (form.getAttribute('data-autorun') === 'true') {
    run();
  }
}());
