"""Each figure's declaration: its value (Excel's semantics) and the formula it renders."""
from __future__ import annotations

import math

import pytest

from lkip_xl import figures as F

ADDR = {"realisasi": "H4", "pagu": "G4", "target": "D4", "polaritas": "Kinerja!G4",
        "capaian": "F4", "serapan": "L4", "e": "M9", "efisiensi_sasaran": "N4:N7"}


def test_serapan_value_and_formula():
    assert F.SERAPAN.value({"realisasi": 230.0, "pagu": 250.0}) == 230.0 / 250.0 * 100
    assert F.SERAPAN.value({"realisasi": 5.0, "pagu": 0.0}) is None  # Excel shows "-"
    assert F.SERAPAN.value({"realisasi": 1e300, "pagu": 1e-300}) is None  # never inf
    assert F.SERAPAN.formula(ADDR) == 'IF(G4=0,"-",H4/G4*100)'


def test_serapan_of_an_indicator_without_budget_is_nothing():
    assert F.SERAPAN_INDIKATOR.value({"realisasi": None, "pagu": None}) is None
    assert F.SERAPAN_INDIKATOR.value({"realisasi": 95.0, "pagu": 100.0}) == 95.0
    assert F.SERAPAN_INDIKATOR.formula(ADDR) == 'IF(AND(ISNUMBER(G4),ISNUMBER(H4)),IF(G4=0,"-",H4/G4*100),"-")'


@pytest.mark.parametrize("rumus", ["(2T-R)/T", "T/R"])
def test_capaian_positive_is_r_over_t_whatever_the_negative_rule(rumus):
    cap = F.capaian(rumus)
    assert cap.value({"target": 12.0, "realisasi": 8.0, "polaritas": "positif"}) == 8.0 / 12.0 * 100
    assert cap.value({"target": 0.0, "realisasi": 8.0, "polaritas": "positif"}) is None
    assert cap.value({"target": None, "realisasi": 8.0, "polaritas": "positif"}) is None
    assert cap.value({"target": 12.0, "realisasi": None, "polaritas": "negatif"}) is None


def test_capaian_negative_rules():
    env = {"target": 16.0, "realisasi": 12.0, "polaritas": "negatif"}
    assert F.capaian("(2T-R)/T").value(env) == (2 * 16.0 - 12.0) / 16.0 * 100
    assert F.capaian("T/R").value(env) == 16.0 / 12.0 * 100
    assert F.capaian("T/R").value({**env, "realisasi": 0.0}) is None  # T/R with R = 0
    assert F.capaian("(2T-R)/T").value({**env, "polaritas": "Negatif"}) == 125.0  # Excel ignores case
    assert F.capaian("(2T-R)/T").formula(ADDR) == (
        'IF(OR(NOT(ISNUMBER(D4)),NOT(ISNUMBER(H4))),"-",IF(D4=0,"-",'
        'IF(Kinerja!G4="Negatif",(2*D4-H4)/D4*100,H4/D4*100)))')
    assert F.capaian("T/R").formula(ADDR) == (
        'IF(OR(NOT(ISNUMBER(D4)),NOT(ISNUMBER(H4))),"-",IF(D4=0,"-",'
        'IF(Kinerja!G4="Negatif",IF(H4=0,"-",D4/H4*100),H4/D4*100)))')


def test_capaian_overflow_stays_inf_for_the_overflow_finding():
    assert math.isinf(F.capaian("(2T-R)/T").value({"target": 1e-300, "realisasi": 1e300, "polaritas": "positif"}))


def test_efisiensi_pmk_249_and_selisih():
    env = {"capaian": 80.0, "serapan": 140.0 / 150.0 * 100}
    assert F.efisiensi("PMK 249").value(env) == (1 - env["serapan"] / 80.0) * 100
    assert F.efisiensi("PMK 249").value({**env, "capaian": 0.0}) is None
    assert F.efisiensi("Selisih").value(env) == 80.0 - env["serapan"]
    assert F.efisiensi("Selisih").value({**env, "capaian": 0.0}) == -env["serapan"]
    for rumus in ("PMK 249", "Selisih"):
        assert F.efisiensi(rumus).value({"capaian": None, "serapan": 90.0}) is None
        assert F.efisiensi(rumus).value({"capaian": 90.0, "serapan": None}) is None
    assert F.efisiensi("PMK 249").formula(ADDR) == 'IF(AND(ISNUMBER(F4),ISNUMBER(L4)),IF(F4=0,"-",(1-L4/F4)*100),"-")'
    assert F.efisiensi("Selisih").formula(ADDR) == 'IF(AND(ISNUMBER(F4),ISNUMBER(L4)),F4-L4,"-")'


def test_e_is_the_mean_of_the_numbers():
    assert F.E.value({"efisiensi_sasaran": [5.0, 10.0]}) == 7.5
    assert F.E.value({"efisiensi_sasaran": [5.0, "", 10.0]}) == 7.5  # AVERAGE skips text
    assert F.E.value({"efisiensi_sasaran": []}) is None  # IFERROR(AVERAGE()) shows "-"
    assert F.E.value({"efisiensi_sasaran": [1.7e308, 1.7e308]}) == 1.7e308  # divided first: no inf
    assert F.E.formula(ADDR) == 'IFERROR(AVERAGE(N4:N7),"-")'


@pytest.mark.parametrize("e, nilai", [(7.5, 68.75), (0.0, 50.0), (20.0, 100.0), (35.0, 100.0),
                                      (-20.0, 0.0), (-27.6, 0.0), (None, None)])
def test_nilai_clamps_e_to_plus_minus_20(e, nilai):
    assert F.NILAI.value({"e": e}) == nilai


def test_nilai_formula():
    assert F.NILAI.formula(ADDR) == 'IF(ISNUMBER(M9),50+(MAX(-20,MIN(20,M9))/20)*50,"-")'


def test_arithmetic_renders_the_parentheses_it_needs():
    a, b, c = F.Ref("a"), F.Ref("b"), F.Ref("c")
    addr = {"a": "A1", "b": "B1", "c": "C1"}
    assert F.Sub(a, F.Sub(b, c)).formula(addr) == "A1-(B1-C1)"
    assert F.Div(a, F.Mul(b, c)).formula(addr) == "A1/(B1*C1)"
    assert F.Mul(F.Add(a, b), c).formula(addr) == "(A1+B1)*C1"
    assert F.Sub(F.Sub(a, b), c).formula(addr) == "A1-B1-C1"
    assert F.Sub(F.Sub(a, b), c).value({"a": 5.0, "b": 2.0, "c": 1.0}) == 2.0
    assert F.Div(a, b).value({"a": 1.0, "b": 0.0}) is None  # Excel: #DIV/0!
    assert F.Add(a, b).value({"a": 1.0, "b": "-"}) is None


def test_target_is_pk_else_renstra_and_skips_columns_the_workbook_lacks():
    assert F.TARGET.value({"target_pk": 90.0, "target_renstra": 80.0}) == 90.0
    assert F.TARGET.value({"target_pk": None, "target_renstra": 80.0}) == 80.0
    assert F.TARGET.value({}) is None
    # a PK cell holding text that could not be read is no number, and the Renstra target does not stand in
    assert F.TARGET.value({"target_pk": "tiga belas", "target_renstra": 80.0}) is None  # SPEC §10.21
    assert F.TARGET.formula({"target_pk": "K4", "target_renstra": "H4"}) == \
        'IF(K4="",IF(ISNUMBER(H4),H4,"-"),IF(ISNUMBER(K4),K4,"-"))'
    assert F.TARGET.formula({"target_renstra": "H4"}) == 'IF(ISNUMBER(H4),H4,"-")'
    assert F.TARGET.formula({}) == '"-"'


@pytest.mark.parametrize("metodes, values, expected, fn", [
    (["jumlah", "jumlah"], [7.0, 4.0], 11.0, "SUMIFS(E4:E9,A4:A9,\"I01\")"),
    (["rata-rata", "jumlah"], [7.0, 4.0], 5.5, "AVERAGEIFS(E4:E9,A4:A9,\"I01\")"),
    (["pembilang", "penyebut"], [3.0, 4.0], 75.0,
     'SUMIFS(E4:E9,A4:A9,"I01",F4:F9,"pembilang")/SUMIFS(E4:E9,A4:A9,"I01",F4:F9,"penyebut")*100'),
])
def test_komponen_rule_by_metode(metodes, values, expected, fn):
    metode = F.komponen_metode(metodes)
    env = {"nilai": values, "pembilang": [v for m, v in zip(metodes, values) if m == "pembilang"],
           "penyebut": [v for m, v in zip(metodes, values) if m == "penyebut"]}
    assert F.komponen(metode).value(env) == expected
    addr = {"nilai": "E4:E9", "kriteria": (("A4:A9", "I01"),), "metode": "F4:F9", "tertulis": "Kinerja!J4"}
    assert F.komponen(metode).formula(addr) == fn
    assert F.realisasi(metode).formula(addr) == f'IFERROR({fn},IF(ISNUMBER(Kinerja!J4),Kinerja!J4,"-"))'
    # a ratio over no penyebut falls back to the stated realisasi, as IFERROR does
    assert F.realisasi("rasio").value({"pembilang": [3.0], "penyebut": [], "tertulis": 80.0}) == 80.0
    assert F.realisasi(None).value({"tertulis": None}) is None


def test_kategori_band_on_the_live_scale():
    scale = [(100, "Sangat Berhasil"), (75, "Berhasil"), (float("-inf"), "Kurang Berhasil")]
    assert F.KATEGORI.value({"capaian": 99.99999999999999, "skala": scale}) == "Sangat Berhasil"  # 15 digits
    assert F.KATEGORI.value({"capaian": 74.99, "skala": scale}) == "Kurang Berhasil"
    assert F.KATEGORI.value({"capaian": None, "skala": scale}) is None
    addr = {"capaian": "F4", "batas": ["A20", "A21", "A22"], "nama": ["B20", "B21", "B22"]}
    assert F.KATEGORI.formula(addr) == 'IF(ISNUMBER(F4),IF(F4>=A20,B20,IF(F4>=A21,B21,B22)),"-")'


def test_efisiensi_counts_for_e_only_for_sasaran_with_budget():
    f = F.EFISIENSI_UNTUK_E
    assert f.value({"level": "sasaran", "efisiensi": 5.0, "pagu": 10.0}) == 5.0
    assert f.value({"level": "tujuan", "efisiensi": 5.0, "pagu": 10.0}) == ""
    assert f.value({"level": "sasaran", "efisiensi": 5.0, "pagu": None}) == ""
    assert f.formula({"level": "C4", "efisiensi": "M4", "pagu": "J4"}) == \
        'IF(AND(C4="Sasaran",ISNUMBER(M4),ISNUMBER(J4)),M4,"")'


def test_sums_and_differences():
    assert F.SISA.value({"pagu": 10.0, "realisasi": 7.5}) == 2.5 and F.SISA.formula({"pagu": "G4", "realisasi": "H4"}) == "G4-H4"
    assert F.JUMLAH.formula({"rincian": "E4:E9"}) == "SUM(E4:E9)"
    assert F.JUMLAH_KELOMPOK.formula({"kelompok": ["C4", "C7"]}) == "C4+C7"
    assert F.JUMLAH_KELOMPOK.formula({"kelompok": []}) == "0"
    assert F.PER_JENIS.formula({"keys": "P4:P9", "kode": "5.1.02", "values": "E4:E9"}) == \
        'SUMPRODUCT(--(P4:P9="5.1.02"),E4:E9)'


def test_countifs_counts_the_rows_holding_every_criterion():
    f = F.CountIfs((("gol", F.Ref("dicari")), ("status", F.Ref("status_dicari"))))
    env = {"gol": ["III/a", "iii/a", "IV/a", None, "III/a"], "status": ["PNS", "PNS", "PNS", "PNS", "PPPK"],
           "dicari": "III/a", "status_dicari": "PNS"}
    assert f.value(env) == 2  # text ignoring case, as the spreadsheet compares it
    assert f.formula({"gol": "'Data Pegawai'!$E$4:$E$8", "dicari": "B5", "status": "'Data Pegawai'!$F$4:$F$8",
                      "status_dicari": '"PNS"'}) == \
        "COUNTIFS('Data Pegawai'!$E$4:$E$8,B5,'Data Pegawai'!$F$4:$F$8,\"PNS\")"
    filled = F.CountIfs((("nama", "<>"),))  # a text criterion is written into the formula
    assert filled.value({"nama": ["A", None, "", "B", 3.0]}) == 3  # "<>": every cell not empty
    assert filled.value({"nama": []}) == 0
    assert filled.formula({"nama": "B4:B9"}) == 'COUNTIFS(B4:B9,"<>")'


# ----------------------------------------------------------------------------- nodes for text, tests, counts


def test_text_is_a_constant_never_evaluated():
    assert F.Text('Kata "kutip", =SUM(A1)').formula({}) == '"Kata ""kutip"", =SUM(A1)"'
    assert F.Text("a\nb\x01").formula({}) == '"a"&CHAR(10)&"b"' and F.Text("a\nb\x01").value({}) == "a\nb"
    assert F.Text("").formula({}) == '""'
    long = F.Text("x" * 300)
    assert long.formula({}).count("&") == 2 and long.value({}) == "x" * 300
    assert F.NOTHING.formula({}) == '"-"' and F.NOTHING.value({}) is None


def test_concat_joins_text_and_keeps_comparisons_whole():
    s = F.Concat((F.Text("capaian "), F.Ref("k"), F.Text(".")))
    assert s.formula({"k": "G4"}) == '"capaian "&G4&"."'
    assert s.value({"k": "Berhasil"}) == "capaian Berhasil."
    assert F.Concat(()).formula({}) == '""' and F.Concat(()).value({}) == ""
    joined = F.Concat((F.Text("a"), F.Text("b")))
    assert F.Compare(joined, "=", F.Ref("c")).formula({"c": "C1"}) == '"a"&"b"=C1'
    assert F.Concat((F.Text("x"), F.If(F.Compare(F.Ref("c"), "=", 0), F.Text("y"), F.Text("z")))).formula(
        {"c": "C1"}) == '"x"&IF(C1=0,"y","z")'


@pytest.mark.parametrize("a, op, b, expected", [
    (1.0, "=", 1.0, True), (1.0, "<>", 2.0, True), (2.0, ">", 1.0, True), (1.0, ">=", 1.0, True),
    (0.1 + 0.2, "=", 0.3, True),  # equal to ~15 digits, as LibreOffice compares
    ("Sangat Berhasil", "=", "sangat berhasil", True),  # text ignoring case
    ("Berhasil", "=", "Berhasil ", False),
    ("-", ">", 100.0, True), (None, ">", 100.0, True),  # text (and the "-" of no value) after every number
    (5.0, "=", "5", False), (-1.0, "<", 0, True), (0, "<", 0, False),
])
def test_compare_as_a_spreadsheet_compares(a, op, b, expected):
    assert F.Compare(F.Ref("a"), op, F.Ref("b")).value({"a": a, "b": b}) is expected
    assert F.Compare(F.Ref("a"), op, F.Ref("b")).formula({"a": "A1", "b": "B1"}) == f"A1{op}B1"
    with pytest.raises(ValueError):
        F.Compare(F.Ref("a"), "==", 0)


def test_if_evaluates_the_branch_taken_and_all_numbers_rules_out_true():
    branch = F.If(F.all_numbers(F.Ref("x")), F.Angka(F.Ref("x"), 1), F.Text("belum"))
    assert branch.value({"x": 2.25}) == "2,3" and branch.value({"x": True}) == "belum"
    assert branch.value({"x": "-"}) == "belum" and branch.value({"x": float("inf")}) == "belum"
    assert F.all_numbers(F.Ref("x")).formula({"x": "A1"}) == "AND(ISNUMBER(A1),NOT(ISLOGICAL(A1)))"
    assert F.all_numbers(F.Ref("x"), F.Ref("y")).formula({"x": "A1", "y": "B1"}) == \
        "AND(AND(ISNUMBER(A1),NOT(ISLOGICAL(A1))),AND(ISNUMBER(B1),NOT(ISLOGICAL(B1))))"
    assert F.Abs(F.Ref("x")).value({"x": -2.0}) == 2.0 and F.Abs(F.Ref("x")).value({"x": "-"}) is None


def test_counts_minimum_and_mean_over_rows():
    env = {"no": [1, 1, 2, 1, 2], "kategori": ["Berhasil", "berhasil", "Berhasil", "Sangat Berhasil", None],
           "capaian": [80.0, None, 70.0, 95.5, "-"], "level": ["Sasaran", "Tujuan", "sasaran", "Sasaran", "Sasaran"],
           "efisiensi": [5.0, 7.0, -2.0, 10.0, "-"], "nomor": 1, "nama_kategori": "Berhasil"}
    addr = {"no": "$A$5:$A$9", "kategori": "$B$5:$B$9", "capaian": "$C$5:$C$9", "level": "$D$5:$D$9",
            "efisiensi": "$E$5:$E$9", "nomor": "A5", "nama_kategori": "$D$4"}
    assert F.JUMLAH_INDIKATOR.value(env) == 3 and F.JUMLAH_INDIKATOR.formula(addr) == "COUNTIF($A$5:$A$9,A5)"
    assert F.JUMLAH_KATEGORI.value(env) == 2
    assert F.JUMLAH_KATEGORI.formula(addr) == "SUMPRODUCT(($A$5:$A$9=A5)*($B$5:$B$9=$D$4))"
    assert F.CAPAIAN_TERENDAH.value(env) == 80.0 and F.CAPAIAN_TERENDAH.value({**env, "nomor": 3}) is None
    assert F.CAPAIAN_TERENDAH.array
    assert F.CAPAIAN_TERENDAH.formula(addr) == ('IF(SUMPRODUCT(($A$5:$A$9=A5)*ISNUMBER($C$5:$C$9))=0,"-",'
                                                'MIN(IF(($A$5:$A$9=A5)*ISNUMBER($C$5:$C$9),$C$5:$C$9)))')
    assert F.E_SKPD.value(env) == 7.5 and F.E_SKPD.value({**env, "nomor": 2}) == -2.0  # level ignoring case
    assert F.E_SKPD.value({**env, "nomor": 3}) is None
    assert F.E_SKPD.formula(addr) == 'IFERROR(AVERAGEIFS($E$5:$E$9,$A$5:$A$9,A5,$D$5:$D$9,"Sasaran"),"-")'
    assert F.TANPA_KATEGORI.formula({"jumlah": "C5", "per_kategori": "D5:F5"}) == "C5-SUM(D5:F5)"
    assert F.TANPA_KATEGORI.formula({"jumlah": "C5", "per_kategori": ""}) == "C5-0"  # no kategori at all
    assert F.TANPA_KATEGORI.value({"jumlah": 4, "per_kategori": [1, 2]}) == 1
    levels = {"level": ["Program", "Kegiatan", "Sub Kegiatan", "Sub Kegiatan", "Akun"]}
    assert F.jumlah_level("Sub Kegiatan").value(levels) == 2
    assert F.jumlah_level("Program").formula({"level": "L"}) == 'COUNTIF(L,"Program")'
    # a Temuan row counts its findings (Jumlah temuan): the rows of a tingkat summed, plus those not listed
    where = {"nilai": "J", "kriteria": (("T", "info"),)}
    assert F.jumlah_temuan("info").formula(where) == 'SUMIFS(J,T,"info")'
    assert F.jumlah_temuan("info", 1234567).formula(where) == 'SUMIFS(J,T,"info")+1234567'
    assert F.jumlah_temuan("info", 3).value({"nilai": [1, 3]}) == 7


def test_status_and_live_colour_tests():
    assert F.sama().formula({"dilaporkan": "E4", "dihitung": "F4"}) == 'IF(E4=F4,"Sesuai","Tidak sesuai")'
    assert F.sama().value({"dilaporkan": "Berhasil", "dihitung": "berhasil"}) == F.SESUAI
    assert F.status_is("Tidak sesuai").formula({"sel": "$H4"}) == '$H4="Tidak sesuai"'
    assert F.MELEBIHI_100.formula({"sel": "J4"}) == "AND(ISNUMBER(J4),J4>100)"
    assert F.MELEBIHI_100.value({"sel": 100.5}) and not F.MELEBIHI_100.value({"sel": "-"})
    assert F.NEGATIF.formula({"sel": "I4"}) == "AND(ISNUMBER(I4),I4<0)" and F.NEGATIF.value({"sel": -1.0})
    assert F.PITA_KATEGORI.formula({"sel": "G4", "nama": "'Perhitungan Kinerja'!$B$20"}) == \
        "G4='Perhitungan Kinerja'!$B$20"


def test_number_text_and_the_change_between_years():
    x = F.Ref("x")
    assert F.Angka(x, 2).value({"x": 1234567.891}) == "1.234.567,89"
    assert F.Angka(x, 0, prefix="Rp").value({"x": -1500}) == "-Rp1.500"
    assert F.Angka(x, 2, suffix=" %").value({"x": -0.004}) == "0,00 %"
    assert F.Angka(x, 0).value({"x": 1e15}) == "-"
    with pytest.raises(ValueError):
        F.Angka(x, 7)
    change = F.perubahan(F.Ref("a"), F.Ref("b"), 2)
    assert change.formula({"a": "B1", "b": "C1"}) == "ROUND(ROUND(B1,2)-ROUND(C1,2),2)"
    assert change.value({"a": 95.005, "b": 95.004}) == 0.01
    turn = F.NaikTurun(F.Ref("a"), F.Ref("b"), 2, " poin")
    assert turn.value({"a": 98.5, "b": 96.2}) == "naik 2,30 poin" and turn.value({"a": 96.2, "b": 96.2}) == "tetap"
    assert turn.value({"a": 96.2, "b": None}) == "-"
    assert F.KURANG_AKHIR.formula({"capaian_akhir": "I4"}) == "ROUND(ROUND(100,2)-ROUND(I4,2),2)"
    assert F.selisih_akhir(1).formula({"target_akhir": "H4", "realisasi": "E4"}) == "ABS(ROUND(ROUND(H4,1)-ROUND(E4,1),1))"
    assert F.nesting('IF(A1,"((",B(C(1)))') == 3
    with pytest.raises(ValueError, match="8192"):
        F.within_limits("A1+" * 3000)


def test_a_band_cell_of_the_capaian_chart_is_the_capaian_or_no_point():
    env = {"kategori": "Berhasil", "capaian": 93.5}
    assert F.BATANG_PITA.value({**env, "nama": "Berhasil"}) == 93.5
    assert F.BATANG_PITA.value({**env, "nama": "berhasil"}) == 93.5  # = ignores case, as the sheet's
    assert F.BATANG_PITA.value({**env, "nama": "Sangat Berhasil"}) == F.NA_ERROR == "#N/A"
    assert F.BATANG_PITA.value({"kategori": None, "capaian": None, "nama": "Berhasil"}) == "#N/A"
    assert F.BATANG_PITA.formula({"kategori": "C9", "capaian": "B9", "nama": "'Perhitungan Kinerja'!$B$17"}) == \
        "IF(C9='Perhitungan Kinerja'!$B$17,B9,NA())"


def test_a_sum_of_no_cells_and_whole_constants():
    assert F.Sum("x").formula({"x": ""}) == "0" and F.Sum("x").value({"x": []}) == 0
    assert F.Const(1234567).formula({}) == "1234567" and F.Const(0.5).formula({}) == "0.5"


# ----------------------------------------------------------------------------- LibreOffice: value = formula

# Rows of a small table the row nodes read (No, kategori, capaian, level, efisiensi), and scalar inputs.
ROWS = [(1, "Berhasil", 80.0, "Sasaran", 5.0), (1, "berhasil", None, "Tujuan", 7.0), (2, "Berhasil", 70.0,
        "sasaran", -2.0), (1, "Sangat Berhasil", 95.5, "Sasaran", 10.0), (2, None, "-", "Sasaran", "-"),
        (3, "Kurang", "-", "Tujuan", None), (1, "Berhasil", 101.25, "Sasaran", 2.5)]
SCALARS = [0, 1, -1.5, 100, 100.00000000000001, 0.1 + 0.2, 0.3, 99.995, 12345678.5, "-", "Berhasil", "berhasil",
           "Sangat Berhasil", "", True, None]
# Compared: numbers and text ("-" too). A blank cell (0 or "" by the other side) and TRUE (1 in LibreOffice,
# not in Excel) are outside what excel_order models: no declaration compares them.
COMPARED = [i for i, v in enumerate(SCALARS) if v not in ("", None) and not isinstance(v, bool)]


def _differential_workbook(path):
    """Each new node over the rows and over pairs of scalars, its formula caching its value."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    out, data = wb.add_worksheet("Hasil"), wb.add_worksheet("Data")  # the sentinel goes in the first sheet
    columns = list(zip(*ROWS))
    names = ("no", "kategori", "capaian", "level", "efisiensi")
    for c, column in enumerate(columns):
        for r, v in enumerate(column):
            if v is None:
                continue
            (data.write_string if isinstance(v, str) else data.write_number)(r + 4, c, v)
    addr = {name: f"Data!${'ABCDE'[c]}$5:${'ABCDE'[c]}${4 + len(ROWS)}" for c, name in enumerate(names)}
    env: dict = {name: list(column) for name, column in zip(names, columns)}
    for c, v in enumerate(SCALARS):  # the scalars on row 1 of Data
        if v is True:
            data.write_boolean(0, c, v)
        elif isinstance(v, str):
            data.write_string(0, c, v)
        elif v is not None:
            data.write_number(0, c, v)
    cells = 0

    def put(r, c, node, addr, env):
        nonlocal cells
        value = node.value(env)
        value = "-" if value is None else value
        if getattr(node, "array", False):
            out.write_array_formula(r, c, r, c, "=" + node.formula(addr), None, value)
        else:
            out.write_formula(r, c, node.formula(addr), None, value)
        cells += 1

    row_nodes = [F.JUMLAH_INDIKATOR, F.JUMLAH_KATEGORI, F.CAPAIAN_TERENDAH, F.E_SKPD]
    for r, nomor in enumerate((1, 2, 3, 4)):
        for k, kat in enumerate(("Berhasil", "Sangat Berhasil", "Kurang")):
            a = {**addr, "nomor": str(nomor), "nama_kategori": F.Text(kat).formula({})}
            e = {**env, "nomor": nomor, "nama_kategori": kat}
            for j, node in enumerate(row_nodes):
                put(r, 4 * k + j, node, a, e)
    for lv, label in enumerate(("Sasaran", "tujuan", "Program")):
        put(5, lv, F.jumlah_level(label), {"level": addr["level"]}, {"level": env["level"]})

    def scalar(c):
        return f"Data!{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[c]}1"
    r = 8
    for i, a in enumerate(SCALARS):
        for j, b in [(j, SCALARS[j]) for j in COMPARED] if i in COMPARED else []:
            pair_addr = {"a": scalar(i), "b": scalar(j), "dilaporkan": scalar(i), "dihitung": scalar(j)}
            pair_env = {"a": a, "b": b, "dilaporkan": a, "dihitung": b}
            nodes = [F.Compare(F.Ref("a"), op, F.Ref("b")) for op in ("=", "<>", "<", ">=")]
            nodes += [F.If(F.all_numbers(F.Ref("a"), F.Ref("b")), F.NaikTurun(F.Ref("a"), F.Ref("b"), 2, " poin"),
                           F.Concat((F.Text("belum "), F.Text("ada")))),
                      F.sama()]
            for c, node in enumerate(nodes):
                put(r, c, node, pair_addr, pair_env)
            # a capaian chart's band cell: the number (b) when the kategori (a) is the band's name, else #N/A
            put(r, len(nodes), F.BATANG_PITA, {"kategori": scalar(i), "nama": scalar(j), "capaian": scalar(j)},
                {"kategori": a, "nama": b, "capaian": b})
            r += 1
        one = {"sel": scalar(i), "x": scalar(i)}
        for c, node in enumerate((F.MELEBIHI_100, F.NEGATIF, F.status_is("berhasil"), F.Angka(F.Ref("x"), 1),
                                  F.Abs(F.Ref("x")))):
            if isinstance(node, F.Abs) and not F.all_numbers(F.Ref("x")).value({"x": a}):
                continue  # ABS of text is #VALUE!, which no figure caches
            put(r, c, node, one, {"sel": a, "x": a})
        r += 1
    wb.close()
    return cells


@pytest.mark.libreoffice
def test_libreoffice_gives_every_new_node_its_value(tmp_path):
    """Counts, minimum, mean, comparisons, IF, text joins, number text and the colour tests over rows and
    pairs of numbers, text, "-", TRUE and empty cells: LibreOffice recalculates each formula to the value
    its declaration gives."""
    from recalc import mismatches, soffice

    if not soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    book = tmp_path / "figures.xlsx"
    assert _differential_workbook(book) > 1000
    bad, n = mismatches(book)
    assert n > 1000
    assert not bad, bad[:20]
