"""Kinerja (one row per indicator) and Komponen (how a realisasi is built)."""
from __future__ import annotations

from lkip_xl.findings import finding
from lkip_xl.model import Finding, IndicatorRow, KomponenRow, Num, Target, Txt
from lkip_xl.reader.tablerows import data_rows
from lkip_xl.reader.rows import TableReader, locate
from lkip_xl.reader.sheets import FieldSpec, Sheet
from lkip_xl.reader.values import PERCENT, VALUE, as_text, norm_label, with_polarity

# `Keuangan 2024 | Target` (Tabel 3.14's layout) is money, not the indicator's target.
_MONEY_WORDS = ("keuangan", "anggaran", "pagu", "rp", "rupiah")

KINERJA_FIELDS = [
    FieldSpec("level", ("level", "tingkat", "jenis indikator"), never=("numbers",)),
    FieldSpec("tujuan", ("tujuan", "tujuan strategis")),
    FieldSpec("sasaran", ("sasaran", "sasaran strategis", "kinerja utama", "kinerja utama sasaran strategis",
                          "sasaran kinerja utama")),
    FieldSpec("indikator", ("indikator", "indikator kinerja", "indikator kinerja utama", "iku",
                            "indikator sasaran", "nama indikator"), required=True),
    FieldSpec("indikator_tujuan", ("indikator tujuan",), label="Indikator Tujuan"),
    FieldSpec("satuan", ("satuan",)),
    FieldSpec("polaritas", ("polaritas", "arah polaritas")),
    FieldSpec("target_pk", ("target pk", "target perjanjian kinerja", "pk", "target"), unless=_MONEY_WORDS, label="Target PK"),
    FieldSpec("realisasi_plain", ("realisasi",), unless=_MONEY_WORDS, label="Realisasi"),
    FieldSpec("capaian_plain", ("capaian",), unless=_MONEY_WORDS, label="Capaian"),
    FieldSpec("kategori", ("kategori", "kategori capaian")),
    FieldSpec("kab_kota_lain", ("kab kota lain", "kabupaten kota lain"), label="Kab/Kota Lain"),
    FieldSpec("rpjmd_provinsi", ("rpjmd provinsi", "rpjmd prov"), label="RPJMD Provinsi"),
    FieldSpec("rpjmn", ("rpjmn",), label="RPJMN"),
    FieldSpec("makna", ("makna", "makna indikator")),
    FieldSpec("alasan", ("alasan pemilihan", "alasan"), label="Alasan Pemilihan"),
    FieldSpec("formulasi", ("formulasi", "formulasi perhitungan", "rumus perhitungan")),
    FieldSpec("sumber_referensi", ("sumber referensi", "referensi", "sumber referensi indikator"), label="Sumber/Referensi"),
    FieldSpec("penanggung_jawab", ("penanggung jawab",), label="Penanggung Jawab"),
    FieldSpec("sumber_data", ("sumber data",), label="Sumber Data"),
    # Columns copied from the LKIP's own tables that are not inputs: recognised (the longest synonym
    # wins) so that `Target Akhir Renstra` is not read as Target PK, `Capaian Akhir Renstra` not as the
    # report year's capaian, and `Realisasi Anggaran` not as the indicator's realisasi.
    FieldSpec("ignored_target_akhir", ("target akhir renstra", "target akhir", "target akhir periode renstra",
                                       "target kondisi akhir"), label="Target Akhir Renstra (tidak dipakai)"),
    FieldSpec("ignored_capaian_akhir", ("capaian akhir renstra", "capaian akhir",
                                        "capaian terhadap target akhir renstra", "capaian terhadap akhir renstra"), label="Capaian Akhir Renstra (tidak dipakai)"),
    # `Kondisi Awal` / `Target Awal` / `Baseline` is the starting value, never a year's target (§10.2).
    FieldSpec("ignored_awal", ("kondisi awal", "target awal", "baseline", "nilai awal", "capaian awal",
                               "kondisi kinerja awal", "kondisi awal kinerja", "data awal", "realisasi awal"),
              label="Kondisi Awal (tidak dipakai)"),
    FieldSpec("ignored_anggaran", ("realisasi anggaran", "realisasi keuangan", "pagu anggaran", "pagu", "anggaran",
                                   "serapan anggaran", "serapan", "capaian keuangan", "target keuangan", "keuangan"), label="Anggaran (tidak dipakai)"),
]
YEAR_FIELDS = ("target", "realisasi", "capaian")
BENCHMARKS = ("kab_kota_lain", "rpjmd_provinsi", "rpjmn")
IKU_TEXTS = ("makna", "alasan", "formulasi", "sumber_referensi", "penanggung_jawab", "sumber_data")

_NEGATIVE = {"negatif", "minimal", "minimum", "turun", "menurun", "min", "rendah", "tren negatif",
             "trend negatif", "semakin kecil semakin baik"}
_POSITIVE = {"positif", "maksimal", "maximum", "naik", "meningkat", "max", "maks", "tinggi", "tren positif",
             "trend positif", "semakin besar semakin baik", ""}


def read_kinerja(sheet: Sheet, tahun: int, findings: list[Finding]) -> list[IndicatorRow]:
    header = locate(sheet, KINERJA_FIELDS, YEAR_FIELDS)
    t = TableReader(sheet, header, findings)
    rows: list[IndicatorRow] = []
    tujuan = sasaran = None
    for r in data_rows(sheet, header):
        ind = t.txt(r, "indikator")
        ind_tujuan = t.txt(r, "indikator_tujuan")
        new_tujuan = t.txt(r, "tujuan") or (
            as_text(sheet.merged_value(r, t.col("tujuan")), t.cell(r, "tujuan")) if t.has("tujuan") else None)
        new_sasaran = t.txt(r, "sasaran") or (
            as_text(sheet.merged_value(r, t.col("sasaran")), t.cell(r, "sasaran")) if t.has("sasaran") else None)
        level_txt = norm_label(t.raw(r, "level") or "")
        if ind is None and ind_tujuan is not None:
            ind, level = ind_tujuan, "tujuan"
        elif level_txt.startswith("tujuan"):
            level = "tujuan"
        elif level_txt.startswith("sasaran") or not level_txt:
            level = "sasaran"
        else:
            level = "sasaran"
            cell = t.cell(r, "level")
            t.unreadable(cell, t.raw(r, "level"), "Level harus Tujuan atau Sasaran; dianggap Sasaran")
        if new_tujuan is not None and (tujuan is None or new_tujuan.value != tujuan.value):
            tujuan, sasaran = new_tujuan, None
        if level == "tujuan":
            sasaran = None
        elif new_sasaran is not None:
            sasaran = new_sasaran
        if ind is None:
            continue  # a row that only names a tujuan or sasaran
        if not t.has("level") and t.has("sasaran") and sasaran is None and tujuan is not None \
                and level == "sasaran":
            # No Level column: an indicator under a tujuan before any sasaran of it (e-SAKIP lists
            # the tujuan's indicators first, their Sasaran cell empty) is the tujuan's own.
            level = "tujuan"
        pol_raw = norm_label(t.raw(r, "polaritas") or "")
        polaritas = "positif"
        if pol_raw in _NEGATIVE or str(t.raw(r, "polaritas") or "").strip() in ("-", "−", "–"):
            polaritas = "negatif"
        elif pol_raw not in _POSITIVE and str(t.raw(r, "polaritas") or "").strip() != "+":
            t.unreadable(t.cell(r, "polaritas"), t.raw(r, "polaritas"),
                         "Polaritas harus Positif atau Negatif; dianggap Positif")
        row = IndicatorRow(r, level, ind, tujuan=tujuan, sasaran=sasaran if level == "sasaran" else None,
                           satuan=t.txt(r, "satuan"), polaritas=polaritas)  # type: ignore[arg-type]
        for (name, year), c in header.years.items():
            kind = PERCENT if name == "capaian" else VALUE
            value = None
            # Quarterly / semester columns under a year: the last period with a value (SPEC §10.9);
            # an unreadable one is unknown, never replaced by an earlier period (§10.21).
            for pc in reversed(header.periods.get((name, year), [c])):
                value, bad = _read(t, r, pc, name, kind)
                if bad is not None:
                    row.unreadable[(name, year)] = bad
                if value is not None or bad is not None:
                    break
            if value is not None:
                {"target": row.targets, "realisasi": row.realisasi, "capaian": row.capaian}[name][year] = value
        where = header.years.get(("realisasi", tahun))
        if where is not None:
            row.realisasi_cell = t.sheet.cell(r, header.periods.get(("realisasi", tahun), [where])[-1])
        elif t.has("realisasi_plain"):
            row.realisasi_cell = t.cell(r, "realisasi_plain")
        if t.has("target_pk"):
            row.target_pk, bad = _read(t, r, t.col("target_pk"), "target", VALUE)
            if bad is not None:
                row.unreadable[("target_pk",)] = bad
        if t.has("realisasi_plain"):
            plain, bad = _read(t, r, t.col("realisasi_plain"), "realisasi", VALUE)
            if bad is not None and tahun not in row.realisasi:
                row.unreadable.setdefault(("realisasi", tahun), bad)
        else:
            plain = None
        if plain is not None:
            row.realisasi.setdefault(tahun, plain)
        plain = t.num(r, "capaian_plain", PERCENT)
        if plain is not None:
            row.capaian.setdefault(tahun, plain)
        row.kategori = t.txt(r, "kategori")
        for name in BENCHMARKS:
            value = t.txt(r, name)
            if value is not None:
                row.benchmarks[name] = value
        for name in IKU_TEXTS:
            value = t.txt(r, name)
            if value is not None:
                row.iku[name] = value
        _direction(row, tahun, stated_polaritas=str(t.raw(r, "polaritas") or "").strip() != "", findings=findings)
        rows.append(row)
    return rows


def _read(t: TableReader, r: int, c: int, name: str, kind) -> tuple[Num | None, Txt | None]:
    """(value, None), or (None, the text as written) when the cell cannot be read (its UNREADABLE_VALUE
    is then in the findings)."""
    seen = len(t.findings)
    value = t.target_at(r, c) if name == "target" else t.num_at(r, c, kind)
    if value is None and len(t.findings) > seen:
        return None, as_text(t.sheet.values.get((r, c)), t.sheet.cell(r, c))
    return value, None


def _direction(row: IndicatorRow, tahun: int, stated_polaritas: bool, findings: list[Finding]) -> None:
    """Targets written `≥ 83` / `maks. 20` set the polarity when none is stated; one that contradicts
    the stated Polaritas is a POLARITY_CONFLICT (the stated one counts). A band's bound that must be
    reached follows the polarity (SPEC §10.12)."""
    keyed = ([("PK", row.target_pk)] if row.target_pk is not None else []) + \
        sorted(((str(y), v) for y, v in row.targets.items()), key=lambda kv: (kv[0] != str(tahun), kv[0]))
    directed = [(year, v) for year, v in keyed if isinstance(v, Target) and v.arah]
    if directed:
        if not stated_polaritas:
            row.polaritas = directed[0][1].arah  # type: ignore[assignment]
        else:
            wrong = [(year, v) for year, v in directed if v.arah != row.polaritas]
            if wrong:
                year, v = wrong[0]
                findings.append(finding(
                    "POLARITY_CONFLICT", v.cell, year=year if year != "PK" else "PK",
                    indicator=f"indikator '{row.indikator.value}'", written=v.written,
                    direction="makin tinggi makin baik" if v.arah == "positif" else "makin rendah makin baik",
                    stated=row.polaritas, dilaporkan=v.written, dihitung=row.polaritas))
    if any(isinstance(v, Target) and v.low is not None for _, v in keyed):
        row.targets = {y: with_polarity(v, row.polaritas) for y, v in row.targets.items()}
        if row.target_pk is not None:
            row.target_pk = with_polarity(row.target_pk, row.polaritas)


KOMPONEN_FIELDS = [
    FieldSpec("indikator", ("indikator", "indikator kinerja", "nama indikator"), required=True),
    FieldSpec("tahun", ("tahun",), required=True),
    FieldSpec("komponen", ("komponen", "uraian", "keterangan")),
    FieldSpec("nilai", ("nilai", "angka", "realisasi"), required=True),
    FieldSpec("metode", ("metode", "cara", "metode perhitungan")),
]
METODE = {"rata rata": "rata-rata", "ratarata": "rata-rata", "rerata": "rata-rata", "average": "rata-rata",
          "jumlah": "jumlah", "total": "jumlah", "sum": "jumlah", "pembilang": "pembilang", "penyebut": "penyebut"}


def read_komponen(sheet: Sheet, findings: list[Finding]) -> list[KomponenRow]:
    header = locate(sheet, KOMPONEN_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[KomponenRow] = []
    indikator = tahun = metode = None
    for r in data_rows(sheet, header):
        named = t.txt(r, "indikator")
        if named is not None and (indikator is None or named.value != indikator.value):
            metode = None  # a new indicator does not inherit the previous one's Metode
        indikator = named or indikator
        year = t.num(r, "tahun")
        if year is not None:
            tahun = int(year.value) if year.value.is_integer() and 1900 < year.value < 2100 else None
            if tahun is None:
                t.unreadable(year.cell, year.raw, "Tahun harus berupa angka empat digit")
        m_raw = t.raw(r, "metode")
        if m_raw is not None:
            metode = METODE.get(norm_label(m_raw))
            if metode is None:
                t.unreadable(t.cell(r, "metode"), m_raw,
                             "Metode harus rata-rata, jumlah, pembilang atau penyebut")
        nilai = t.num(r, "nilai")
        if indikator is None or tahun is None or nilai is None:
            continue
        out.append(KomponenRow(indikator, tahun, nilai, metode or "rata-rata", t.txt(r, "komponen")))
    return out
