-- The newstm memory: one SQLite file (default tm/memory.db).
--
-- This file is built into the binary (tests/embed.sh) and is the only place
-- the schema is written down.  It is a list of versions: each section starts
-- with a line "-- @version N" and ends by setting PRAGMA user_version to N.
-- A new memory runs every section in order; an older memory runs the
-- sections after its user_version, each in one transaction, so a memory is
-- always at exactly one version.  Change the schema by appending a section,
-- never by editing one that has been released.
--
-- Conventions: dates are Unix seconds (UTC), NULL when unknown; language
-- tags are BCP 47, normalised by lang_normalize ("en-US", "sr-Latn");
-- texts are UTF-8 in NFC.
--
-- The model:
--   segment   one text in one language, stored once however many units use
--             it (duplicates after whitespace normalisation are one row)
--   unit      a translation unit of one language pair: a source segment
--             and a target segment, with its metadata.  A TMX <tu> with
--             three languages gives two units sharing the source segment;
--             two variants in one language give two units (alternatives).
--   document  where units came from: a file name, a title or a date
--   batch     one run of `newstm import` (per file) or `newstm add`
--   origin    each time a unit was seen: batch, document, position.  A
--             unit seen twice is one unit with two origins (unit.count).
--   prop      TMX <prop>, <note> and other attributes of a unit, kept so
--             that an export gives them back
--   header_prop  the same for a TMX file's <header>

-- @version 1

-- 'nstm': tells a newstm memory from any other SQLite file.
PRAGMA application_id = 1853060205;

CREATE TABLE batch (
	id        INTEGER PRIMARY KEY,
	command   TEXT NOT NULL,            -- 'import', 'add'
	source    TEXT NOT NULL,            -- the file or files it read
	format    TEXT,                     -- tmx, xliff, tsv, jsonl, text
	started   INTEGER NOT NULL,
	units     INTEGER NOT NULL DEFAULT 0,  -- units it created
	merged    INTEGER NOT NULL DEFAULT 0,  -- units it found already stored
	skipped   INTEGER NOT NULL DEFAULT 0,
	forgotten INTEGER                   -- when `newstm forget` removed it
);

CREATE TABLE document (
	id    INTEGER PRIMARY KEY,
	name  TEXT NOT NULL UNIQUE,         -- file name, title or date
	title TEXT,
	date  INTEGER
);

CREATE TABLE segment (
	id     INTEGER PRIMARY KEY,
	lang   TEXT NOT NULL,
	text   TEXT NOT NULL,   -- plain text: inline codes flattened, for matching
	markup TEXT,            -- the TMX <seg> content with its inline codes, as
	                        -- XML; NULL when the text has no inline codes
	khash  INTEGER NOT NULL -- hash of lang and the whitespace-normalised
	                        -- markup (or text); equal keys are one segment
);
CREATE INDEX segment_by_hash ON segment (khash);

CREATE TABLE unit (
	id         INTEGER PRIMARY KEY,
	src        INTEGER NOT NULL REFERENCES segment (id),
	tgt        INTEGER NOT NULL REFERENCES segment (id),
	src_lang   TEXT NOT NULL,           -- = the segments' languages
	tgt_lang   TEXT NOT NULL,
	confidence REAL,       -- best alignment confidence, 0-1; NULL: not aligned
	aligned    INTEGER NOT NULL DEFAULT 0,  -- 1: every origin is an automatic
	                                        -- alignment (no human source)
	confirmed  INTEGER NOT NULL DEFAULT 0,  -- 1: a person confirmed it
	count      INTEGER NOT NULL DEFAULT 1,  -- origins: times it was seen
	creator    TEXT,       -- TMX creationid, or the tool that made it
	created    INTEGER,
	changer    TEXT,       -- TMX changeid
	changed    INTEGER,
	usage      INTEGER NOT NULL DEFAULT 0,  -- TMX usagecount
	last_used  INTEGER,    -- TMX lastusagedate
	UNIQUE (src, tgt)
);
CREATE INDEX unit_by_tgt ON unit (tgt);
CREATE INDEX unit_by_pair ON unit (src_lang, tgt_lang);

CREATE TABLE origin (
	unit       INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	batch      INTEGER NOT NULL REFERENCES batch (id),
	document   INTEGER NOT NULL REFERENCES document (id),
	position   INTEGER NOT NULL,  -- 0-based index of the (first) source
	                              -- sentence in the document; -1: unknown
	confidence REAL,              -- of this alignment; NULL: not aligned
	UNIQUE (unit, document, position)
);
CREATE INDEX origin_by_document ON origin (document, position);
CREATE INDEX origin_by_batch ON origin (batch);

CREATE TABLE prop (
	id    INTEGER PRIMARY KEY,
	unit  INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	batch INTEGER NOT NULL REFERENCES batch (id),
	scope TEXT NOT NULL CHECK (scope = 'tu' OR scope = 'src' OR scope = 'tgt'),
	kind  TEXT NOT NULL CHECK (kind = 'prop' OR kind = 'note' OR kind = 'attr'),
	type  TEXT,             -- prop type or attribute name; NULL for a note
	lang  TEXT,             -- xml:lang of a prop or note
	value TEXT NOT NULL
);
CREATE INDEX prop_by_unit ON prop (unit);

CREATE TABLE header_prop (
	id    INTEGER PRIMARY KEY,
	batch INTEGER NOT NULL REFERENCES batch (id),
	kind  TEXT NOT NULL CHECK (kind = 'prop' OR kind = 'note'),
	type  TEXT,
	lang  TEXT,
	value TEXT NOT NULL
);
CREATE INDEX header_prop_by_batch ON header_prop (batch);

PRAGMA user_version = 1;

-- @version 2

-- The match index, kept in the memory so that opening it does not
-- tokenise every text again (src/tmindex.c writes and reads it).  Every
-- segment a unit uses has its comparison keys here as token ids: ids of
-- match_token (0, 1, 2 ... in the order the keys were first seen, never
-- reused or removed), written as a blob of LEB128 varints.  A segment's
-- row goes with the segment (ON DELETE CASCADE).  match_meta says how the
-- keys were made: key_version (the tokeniser's, MATCH_KEY_VERSION) and
-- names_version (the names data that turned names into entities); when
-- either differs from the running newstm's, the tables are filled again
-- from the texts, and generation counts those refills.

CREATE TABLE match_meta (
	key   TEXT PRIMARY KEY,   -- key_version, names_version, generation
	value TEXT NOT NULL
);

CREATE TABLE match_token (
	id  INTEGER PRIMARY KEY,  -- 0-based, dense
	key BLOB NOT NULL UNIQUE  -- the comparison key (case folded word,
	                          -- number shape, name entity)
);

CREATE TABLE match_segment (
	segment INTEGER PRIMARY KEY REFERENCES segment (id) ON DELETE CASCADE,
	toks    BLOB NOT NULL     -- token ids of its words, numbers, symbols
);

PRAGMA user_version = 2;

-- @version 3

-- Persons' names: entities, their house forms per language and the other
-- spellings known for them (newstm names, check, normalize).
--   name_entity  one person.  label: what names.tsv and the commands call
--                it (unique).  status: confirmed (a house style entry),
--                proposed (found by `names learn`, not yet reviewed) or
--                rejected (an editor refused the proposal: never proposed
--                again).  source: house (`names add`), imported (from a
--                names.tsv) or learned.  mentions and links: what `names
--                learn` last counted (mentions in stored texts; units in
--                which a Latin and a Cyrillic spelling stood on the two
--                sides).
--   name_alias   one spelling of an entity in one language, in its base
--                form (nominative, no possessive).  house = 1 marks the
--                house form for that language (at most one per entity
--                and language); its surname is the house form for
--                surname-only mentions.  status: confirmed, learned (found
--                by learn for a confirmed entity), proposed (part of a
--                proposal) or rejected (not this person: check never takes
--                it for the entity, learn never proposes it again).
--   name_key     the lookup keys of a spelling (names_keys: consonant
--                skeletons of its surname), so that a mention meets only
--                the entities that share one of its keys.
--   name_meta    key_version: the version of the keys; newstm rebuilds
--                them when its own differs.

CREATE TABLE name_entity (
	id       INTEGER PRIMARY KEY,
	label    TEXT NOT NULL UNIQUE,
	status   TEXT NOT NULL
	         CHECK (status IN ('confirmed', 'proposed', 'rejected')),
	source   TEXT NOT NULL
	         CHECK (source IN ('house', 'imported', 'learned')),
	mentions INTEGER NOT NULL DEFAULT 0,
	links    INTEGER NOT NULL DEFAULT 0,
	created  INTEGER NOT NULL,
	changed  INTEGER NOT NULL
);

CREATE TABLE name_alias (
	id       INTEGER PRIMARY KEY,
	entity   INTEGER NOT NULL REFERENCES name_entity (id) ON DELETE CASCADE,
	lang     TEXT NOT NULL,     -- BCP 47, normalised; 'und' when unknown
	spelling TEXT NOT NULL,     -- NFC
	script   TEXT NOT NULL,     -- ISO 15924: Latn, Cyrl, Grek, Zyyy
	house    INTEGER NOT NULL DEFAULT 0,
	source   TEXT NOT NULL
	         CHECK (source IN ('house', 'imported', 'learned')),
	status   TEXT NOT NULL
	         CHECK (status IN ('confirmed', 'learned', 'proposed',
	                           'rejected')),
	count    INTEGER NOT NULL DEFAULT 0,  -- mentions when learn last counted
	UNIQUE (entity, lang, spelling)
);
CREATE UNIQUE INDEX name_alias_house ON name_alias (entity, lang)
	WHERE house = 1;

CREATE TABLE name_key (
	key   TEXT NOT NULL,
	alias INTEGER NOT NULL REFERENCES name_alias (id) ON DELETE CASCADE,
	PRIMARY KEY (key, alias)
) WITHOUT ROWID;
CREATE INDEX name_key_by_alias ON name_key (alias);

CREATE TABLE name_meta (
	k TEXT PRIMARY KEY,
	v TEXT NOT NULL
) WITHOUT ROWID;

PRAGMA user_version = 3;
