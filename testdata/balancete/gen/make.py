#!/usr/bin/python3
"""Balancete and DIOPS-XML fixtures for `capreg import` / `validate --balancete`, written
by software other than capreg, with the expected workbook fields computed here, apart from
capreg (spec: /work/shared/spec/balancete.md; what each file is: ../README.md).

One fictitious operator, registro ANS 412345, a medicina de grupo, keeps its books in the
ANS chart of accounts. The script simulates its leaf accounts month by month from 2024-01
to 2025-09 (integer centavos, a fixed seed), closes 2024's result into the PL in 2025-01,
keeps every month balanced (1 = 21 + 23 + 25 + 3 - 4 - 6, presentation signs) through one
plug account (121129011 Bancos), and derives every parent account by summing its leaves.
From that single ledger it writes:

  erp-csv/balancete-AAAA-MM.csv    13 ERP exports 2024-09..2025-09 (Python csv; ; Latin-1,
                                   decimal comma, leaves only, with saldo_inicial)
  erp-mixed/balancete-AAAA-MM.*    the same 13 months without saldo_inicial: 6 months
                                   saved as .xlsx by LibreOffice, 7 as UTF-8 CSV with ','
  opendata/3T2025.csv, 4T2024.csv, 3T2024.csv, 3T2025-layout-antigo.csv
                                   ANS open-data quarters, every hierarchy level, 4 operators
  diops/diops-3T2025.xml           quarterly DIOPS-XML (balancete + CBR quadros), and the
                                   same declared ISO-8859-1 (diops-3T2025-latin1.xml)
  broken/<case>/...                one defect each
  expected.json                    cases (arguments, exit code, findings) and the fields

Run from anywhere: /usr/bin/python3 testdata/balancete/gen/make.py
(needs LibreOffice for the .xlsx months and python3-openpyxl to check them).
Deterministic: the same text files every run (the .xlsx differ only in zip metadata).
"""
import csv
import json
import os
import random
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

REGISTRO = "412345"
RAZAO = "SAÚDE EXEMPLO MEDICINA DE GRUPO LTDA"  # fictitious
DATA_BASE = (2025, 9)

# --------------------------------------------------------------------------- calendar


def ym(m):
    return "%04d-%02d" % m


def prev_month(m):
    return (m[0] - 1, 12) if m[1] == 1 else (m[0], m[1] - 1)


def months_from(start, end):
    out, m = [], start
    while m <= end:
        out.append(m)
        m = (m[0] + 1, 1) if m[1] == 12 else (m[0], m[1] + 1)
    return out


SIM = months_from((2024, 1), DATA_BASE)          # simulated ledger
FILES = months_from((2024, 9), DATA_BASE)        # the 13 monthly exports
WINDOW = FILES[1:]                               # 2024-10 .. 2025-09

# --------------------------------------------------------------------------- money (centavos)


def br(c, thousands=False):
    """pt-BR text of c centavos: -1.234,56 (thousands) or -1234,56."""
    s = "-" if c < 0 else ""
    units, cents = divmod(abs(c), 100)
    u = "{:,}".format(units).replace(",", ".") if thousands else str(units)
    return "%s%s,%02d" % (s, u, cents)


def pt(c):
    """Plain decimal-point text: -1234.56."""
    s = "-" if c < 0 else ""
    units, cents = divmod(abs(c), 100)
    return "%s%d.%02d" % (s, units, cents)


def dec(c):
    return Decimal(c).scaleb(-2)


# --------------------------------------------------------------------------- the chart
# Leaves: (code, description, kind, parameters). Kinds:
#   B  balance account: value at 2023-12 (reais), monthly drift, monthly noise (fractions)
#   R  result account:  monthly flow at 2024-01 (reais, sign = presentation sign), growth,
#                       noise; optional first/last month with a flow (None: always)
#   V  result "variation" account: flow = base x uniform(lo, hi) (either sign)
#   T  class 6 tax: flows in 2024-03/06/09/12 only (tax losses are compensated in 2025)
#   P  the plug (121129011 Bancos), PL leaves that only the closing moves
LEAVES = [
    # ---- 1 ATIVO
    ("121119011", "Caixa; Fundo Fixo", "B", (48_000, 0.0, 0.08)),
    ("121129011", "Bancos Conta Depósitos", "P", None),
    ("122119021", "Cotas de Fundos de Investimento Dedicados ao Setor de Saúde Suplementar", "B", (29_500_000, 0.006, 0.004)),
    ("122129011", "Títulos Públicos Federais - LFT", "B", (8_200_000, 0.008, 0.002)),
    ("122219011", "Depósitos Bancários a Prazo - CDB/RDB", "B", (5_800_000, 0.007, 0.02)),
    ("122219021", "Cotas de Fundos de Investimento - Não Dedicados", "B", (4_100_000, 0.007, 0.01)),
    ("123111011", "Contraprestação Pecuniária/Prêmio a Receber - Individual", "B", (2_900_000, 0.004, 0.03)),
    ("123111012", "Contraprestação Pecuniária/Prêmio a Receber - Coletivo sem Administradora de Benefícios como Estipulante", "B", (4_800_000, 0.004, 0.03)),
    ("123111013", "Contraprestação Pecuniária/Prêmio a Receber - Coletivo com Administradora de Benefícios como Estipulante", "B", (1_450_000, 0.004, 0.03)),
    ("12311109", "(-) Provisão para Perdas Sobre Créditos", "B", (-880_000, 0.004, 0.02)),
    ("123411011", "Contraprestação Corresponsabilidade Assumida", "B", (760_000, 0.003, 0.05)),
    ("123911082", "Créditos em Programas ou Fundos para Custeio de Despesas de Assistência", "B", (196_000, 0.002, 0.04)),
    ("123911089", "(-) Provisão para Perdas Sobre Créditos em Programas ou Fundos", "B", (-19_600, 0.002, 0.04)),
    ("124119021", "Intercâmbio a Receber - Atendimento Eventual - Taxa de Administração", "B", (148_000, 0.003, 0.05)),
    ("124119022", "Intercâmbio a Receber - Atendimento Eventual - Reembolso", "B", (52_000, 0.003, 0.05)),
    ("124119082", "Créditos com Administração de Programas ou Fundos de Custeio de Despesas", "B", (31_000, 0.002, 0.05)),
    ("124119089", "(-) Provisão para Perdas Sobre Créditos com Administração de Programas ou Fundos", "B", (-4_900, 0.002, 0.05)),
    ("125119011", "Comissões sobre Contraprestações - Diferidas", "B", (405_000, 0.003, 0.03)),
    ("126119011", "IRPJ e CSLL a Compensar", "B", (310_000, 0.0, 0.03)),
    ("127119011", "Títulos e Créditos a Receber", "B", (198_000, 0.002, 0.04)),
    ("128119011", "Seguros Pagos Antecipadamente", "B", (152_000, -0.01, 0.02)),
    ("128119012", "Outras Despesas Pagas Antecipadamente", "B", (81_000, 0.0, 0.05)),
    ("131119011", "Títulos Públicos Federais - NTN-B - Longo Prazo", "B", (5_050_000, 0.006, 0.002)),
    ("131319011", "Créditos Tributários e Previdenciários a Compensar - Longo Prazo", "B", (402_000, 0.0, 0.01)),
    ("131519011", "Despesas de Comercialização Diferidas - Longo Prazo", "B", (598_000, 0.002, 0.02)),
    ("131619011", "Crédito Tributário sobre Prejuízo Fiscal - Imposto de Renda (IRPJ)", "B", (905_000, -0.004, 0.0)),
    ("131619012", "Crédito Tributário sobre Prejuízo Fiscal - Contribuição Social Sobre o Lucro Líquido (CSLL)", "B", (326_000, -0.004, 0.0)),
    ("131619021", "Crédito Tributário sobre Diferenças Temporárias", "B", (497_000, 0.002, 0.01)),
    ("131719011", "Depósitos Judiciais - Eventos/Sinistros", "B", (2_480_000, 0.004, 0.01)),
    ("131819011", "Outros Créditos a Receber a Longo Prazo", "B", (301_000, 0.0, 0.01)),
    ("131829011", "Despesas Operacionais Antecipadas de Longo Prazo", "B", (203_000, -0.005, 0.01)),
    ("132119011", "Participação em Controlada - Operadora de Planos de Saúde - Valor Patrimonial", "B", (3_020_000, 0.003, 0.005)),
    ("132119013", "Participação em Controlada - Operadora de Planos de Saúde - Goodwill", "B", (402_500, 0.0, 0.0)),
    ("132129011", "Participação em Controlada - Rede Hospitalar - Valor Patrimonial", "B", (1_510_000, 0.003, 0.005)),
    ("132129013", "Participação em Controlada - Rede Hospitalar - Goodwill", "B", (248_750, 0.0, 0.0)),
    ("132149011", "Participação em Controlada - Instituições Reguladas (SUSEP, BACEN, PREVIC) - Valor Patrimonial", "B", (603_000, 0.002, 0.005)),
    ("132159021", "Participação em Coligada - Outras Sociedades - Valor Patrimonial", "B", (297_000, 0.002, 0.005)),
    ("132159023", "Participação em Coligada - Outras Sociedades - Goodwill", "B", (71_300, 0.0, 0.0)),
    ("132219011", "Participação em Operadoras - Método de Custo", "B", (500_000, 0.0, 0.0)),
    ("133119011", "Imóveis de Uso Próprio - Hospitalares", "B", (12_050_000, 0.0, 0.0)),
    ("133119019", "(-) Depreciação Acumulada de Imóveis de Uso Próprio", "B", (-2_980_000, 0.0035, 0.0)),
    ("133919011", "Outras Imobilizações", "B", (1_790_000, 0.002, 0.01)),
    ("134119011", "Sistemas de Computação - Hospitalares/Odontológicos", "B", (903_000, 0.003, 0.01)),
    ("134119016", "Goodwill de Investimentos Incorporados", "B", (351_000, 0.0, 0.0)),
    ("134129011", "Sistemas de Computação - Não Hospitalares", "B", (598_000, 0.003, 0.01)),
    ("134129019", "(-) Amortização Acumulada do Intangível", "B", (-402_000, 0.012, 0.0)),
    # ---- 2 PASSIVO
    ("211111011", "Provisão de Contraprestação Não Ganha - PPCNG", "B", (3_980_000, 0.004, 0.03)),
    ("211111014", "Provisão para Remissão", "B", (602_000, 0.003, 0.01)),
    ("211111021", "Provisão de Eventos/Sinistros a Liquidar para o SUS - GRU", "B", (298_000, 0.0, 0.05)),
    ("211111024", "Provisão de Eventos/Sinistros a Liquidar para o SUS (% hc X ABI)", "B", (503_000, 0.003, 0.04)),
    ("211111031", "Provisão de Eventos/Sinistros a Liquidar - Outros Prestadores", "B", (11_950_000, 0.005, 0.03)),
    ("211111033", "Provisão de Eventos/Sinistros a Liquidar - Intercâmbio", "B", (402_000, 0.003, 0.05)),
    ("211111041", "Provisão para Eventos/Sinistros Ocorridos e Não Avisados (PEONA)", "B", (8_020_000, 0.005, 0.01)),
    ("211121011", "Provisão de Contraprestação Não Ganha - PPCNG - Odontológico", "B", (101_000, 0.004, 0.03)),
    ("211121041", "Provisão para Eventos/Sinistros Ocorridos e Não Avisados (PEONA) - Odontológico", "B", (198_000, 0.004, 0.02)),
    ("213511011", "Intercâmbio a Pagar de Corresponsabilidade Cedida - Preço Preestabelecido", "B", (497_000, 0.003, 0.05)),
    ("214119011", "Tributos e Contribuições a Recolher", "B", (1_510_000, 0.003, 0.04)),
    ("214889082", "Débitos com Administração de Programas ou Fundos de Custeio de Despesas de Assistência à Saúde", "B", (40_300, 0.002, 0.05)),
    ("216119011", "Fornecedores", "B", (2_020_000, 0.002, 0.05)),
    ("216129011", "Salários e Encargos a Pagar", "B", (1_190_000, 0.002, 0.03)),
    ("231111014", "Provisão para Remissão - Longo Prazo", "B", (1_205_000, 0.003, 0.01)),
    ("231111033", "Provisão de Eventos/Sinistros a Liquidar - Intercâmbio - Longo Prazo", "B", (98_000, 0.003, 0.05)),
    ("231111041", "Provisão para Eventos/Sinistros Ocorridos e Não Avisados (PEONA) - Longo Prazo", "B", (1_502_000, 0.004, 0.01)),
    ("233119011", "Parcelamento de Tributos e Contribuições", "B", (2_010_000, -0.006, 0.0)),
    ("2511", "Capital Social Subscrito", "P", 40_000_000),
    ("2531", "Reservas de Capital", "P", 1_000_000),
    ("25331", "Reserva Legal", "P", 2_150_000),
    ("2551", "(-) Quotas em Tesouraria", "P", -200_000),
    ("2561", "Lucros Acumulados", "P", 11_900_000),
    # ---- 3 RECEITAS (year to date; flows per month below)
    ("311111011", "Contraprestação Emitida - Planos Individuais/Familiares antes da Lei", "R", (352_000, -0.002, 0.01)),
    ("311111021", "Contraprestação Emitida - Planos Individuais/Familiares depois da Lei", "R", (2_410_000, 0.004, 0.01)),
    ("311111031", "Contraprestação Emitida - Planos Coletivos por Adesão antes da Lei", "R", (151_000, 0.0, 0.01, None, (2024, 11))),
    ("311111041", "Contraprestação Emitida - Planos Coletivos por Adesão depois da Lei", "R", (3_190_000, 0.005, 0.015)),
    ("311111051", "Contraprestação Emitida - Planos Coletivos Empresariais antes da Lei", "R", (198_000, -0.003, 0.01)),
    ("311111061", "Contraprestação Emitida - Planos Coletivos Empresariais depois da Lei", "R", (7_480_000, 0.006, 0.015)),
    ("311111081", "Contraprestação Emitida - Corresponsabilidade Assumida", "R", (402_000, 0.003, 0.05)),
    ("311112066", "Taxa de Administração - Planos Coletivos Empresariais depois da Lei - Preço Pós-estabelecido", "R", (79_000, 0.002, 0.03)),
    ("311121021", "Contraprestação Emitida - Odontológico - Planos Individuais/Familiares depois da Lei", "R", (121_000, 0.004, 0.02)),
    ("311121041", "Contraprestação Emitida - Odontológico - Planos Coletivos por Adesão depois da Lei", "R", (48_000, 0.02, 0.05, (2025, 3), None)),
    ("311121061", "Contraprestação Emitida - Odontológico - Planos Coletivos Empresariais depois da Lei", "R", (352_000, 0.004, 0.02)),
    ("311711011", "(-) Contraprestações de Corresponsabilidade Cedida em Preço Preestabelecido", "R", (-298_000, 0.003, 0.04)),
    ("311911011", "(-) Descontos Concedidos", "R", (-49_000, 0.0, 0.1)),
    ("312119011", "Variação da Provisão de Contraprestação Não Ganha", "V", (-60_000, -1.0, 0.6)),
    ("321119011", "(-) Tributos Diretos de Operações com Planos de Assistência à Saúde - PIS/COFINS/ISS", "R", (-512_000, 0.005, 0.02)),
    ("331119011", "Outras Receitas Operacionais", "R", (49_000, 0.0, 0.2)),
    ("351119011", "Receitas Financeiras - Aplicações", "R", (448_000, 0.004, 0.05)),
    ("361119011", "Receitas Patrimoniais - Aluguéis", "R", (21_000, 0.0, 0.0)),
    # ---- 4 DESPESAS
    ("411111021", "Despesas com Eventos/Sinistros - Procedimento - Individuais depois da Lei", "R", (1_805_000, 0.004, 0.04)),
    ("411111041", "Despesas com Eventos/Sinistros - Procedimento - Coletivos por Adesão depois da Lei", "R", (2_010_000, 0.005, 0.04)),
    ("411111061", "Despesas com Eventos/Sinistros - Procedimento - Coletivos Empresariais depois da Lei", "R", (4_490_000, 0.006, 0.04)),
    ("411111062", "(-) Glosas - Procedimento - Coletivos Empresariais depois da Lei", "R", (-151_000, 0.0, 0.15)),
    ("411111081", "Despesas com Eventos/Sinistros - Procedimento - Corresponsabilidade Assumida", "R", (298_000, 0.003, 0.08)),
    ("411112061", "Despesas com Eventos/Sinistros - Procedimento - Coletivos Empresariais - Preço Pós-estabelecido", "R", (61_000, 0.002, 0.05)),
    ("411121061", "Despesas com Eventos/Sinistros - Procedimento - Odontológico - Coletivos Empresariais", "R", (202_000, 0.004, 0.05)),
    ("411211061", "Despesas com Eventos/Sinistros - Capitation - Coletivos Empresariais depois da Lei", "R", (603_000, 0.003, 0.0)),
    ("411511061", "Despesas com Eventos/Sinistros - Rateio de Custos de Recursos Próprios", "R", (1_198_000, 0.004, 0.03)),
    ("411711021", "Despesas com Eventos/Sinistros - Reembolso - Individuais depois da Lei", "R", (149_000, 0.002, 0.1)),
    ("411811061", "Despesas com Eventos/Sinistros - Ressarcimento ao SUS", "R", (81_000, 0.0, 0.2)),
    ("414119011", "Variação da PEONA - Médico-Hospitalar - Outros Prestadores", "V", (100_000, -0.6, 1.4)),
    ("414129011", "Variação da PEONA - Odontológico - Outros Prestadores", "V", (9_000, -0.5, 1.5)),
    ("431119011", "Despesas de Comercialização - Comissões", "R", (505_000, 0.004, 0.05)),
    ("441119011", "Outras Despesas Operacionais de Planos de Assistência à Saúde", "R", (248_000, 0.0, 0.1)),
    ("451119011", "Despesas Financeiras - Juros e Encargos", "R", (99_000, 0.0, 0.1)),
    ("461119011", "Despesas Administrativas - Pessoal", "R", (1_395_000, 0.003, 0.02)),
    ("464119113", "Propaganda e Publicidade - Promoções", "R", (61_000, 0.0, 0.3)),
    # ---- 6 IMPOSTOS E PARTICIPAÇÕES SOBRE O LUCRO
    ("611119011", "Imposto de Renda (IRPJ)", "T", 1_180_000),
    ("611119012", "Contribuição Social Sobre o Lucro Líquido (CSLL)", "T", 430_000),
]

# Parent accounts (every prefix of a leaf at 1-6 and 8 digits; 7-digit codes do not exist).
NAMES = {
    "1": "ATIVO", "12": "ATIVO CIRCULANTE", "121": "DISPONÍVEL", "1211": "CAIXA",
    "12111": "CAIXA", "121119": "CAIXA", "12111901": "Caixa",
    "12112": "BANCOS", "121129": "BANCOS", "12112901": "Bancos Conta Depósitos",
    "122": "REALIZÁVEL", "1221": "APLICAÇÕES GARANTIDORAS DE PROVISÕES TÉCNICAS",
    "12211": "TÍTULOS DE RENDA FIXA - PRIVADOS", "122119": "TÍTULOS DE RENDA FIXA - PRIVADOS",
    "12211902": "Cotas de Fundos de Investimentos",
    "12212": "TÍTULOS DE RENDA FIXA - PÚBLICOS", "122129": "TÍTULOS DE RENDA FIXA - PÚBLICOS",
    "12212901": "Títulos Públicos Federais",
    "1222": "APLICAÇÕES LIVRES", "12221": "TÍTULOS DE RENDA FIXA - PRIVADOS",
    "122219": "TÍTULOS DE RENDA FIXA - PRIVADOS", "12221901": "Depósitos Bancários a Prazo - CDB/RDB",
    "12221902": "Cotas de Fundos de Investimentos",
    "123": "CRÉDITOS DE OPERAÇÕES COM PLANOS DE ASSISTÊNCIA À SAÚDE",
    "1231": "CONTRAPRESTAÇÃO PECUNIÁRIA / PRÊMIO A RECEBER",
    "12311": "CONTRAPRESTAÇÃO PECUNIÁRIA A RECEBER - MÉDICO-HOSPITALAR",
    "123111": "Cobertura Assistencial com Preço Preestabelecido",
    "12311101": "Contraprestação Pecuniária/Prêmios a Receber",
    "1234": "OPERADORAS DE PLANOS DE ASSISTÊNCIA À SAÚDE",
    "12341": "OPERADORAS DE PLANOS DE ASSISTÊNCIA MÉDICO-HOSPITALAR",
    "123411": "Cobertura Assistencial com Preço Preestabelecido",
    "12341101": "Contraprestação Corresponsabilidade Assumida",
    "1239": "OUTROS CRÉDITOS DE OPERAÇÕES COM PLANOS DE ASSISTÊNCIA À SAÚDE",
    "12391": "OUTROS CRÉDITOS - MÉDICO-HOSPITALAR", "123911": "Cobertura Assistencial com Preço Preestabelecido",
    "12391108": "Créditos em Programas ou Fundos",
    "124": "CRÉDITOS DE OPER. ASSIST. À SAÚDE NÃO REL. COM PL. SAÚDE DA OPERADORA",
    "1241": "CRÉDITOS DE OPERAÇÕES DE ASSISTÊNCIA À SAÚDE NÃO RELACIONADOS COM PLANOS",
    "12411": "INTERCÂMBIO A RECEBER", "124119": "Intercâmbio a Receber",
    "12411902": "Intercâmbio a Receber - Atendimento Eventual",
    "12411908": "Créditos com Administração de Programas ou Fundos",
    "125": "DESPESAS DIFERIDAS", "1251": "DESPESAS DE COMERCIALIZAÇÃO DIFERIDAS",
    "12511": "COMISSÕES DIFERIDAS", "125119": "Comissões Diferidas", "12511901": "Comissões Diferidas",
    "126": "CRÉDITOS TRIBUTÁRIOS E PREVIDENCIÁRIOS", "1261": "CRÉDITOS TRIBUTÁRIOS",
    "12611": "IRPJ E CSLL", "126119": "IRPJ e CSLL", "12611901": "IRPJ e CSLL a Compensar",
    "127": "BENS E TÍTULOS A RECEBER", "1271": "TÍTULOS E CRÉDITOS A RECEBER",
    "12711": "TÍTULOS E CRÉDITOS A RECEBER", "127119": "Títulos e Créditos a Receber",
    "12711901": "Títulos e Créditos a Receber",
    "128": "DESPESAS ANTECIPADAS", "1281": "DESPESAS ANTECIPADAS", "12811": "DESPESAS ANTECIPADAS",
    "128119": "Despesas Antecipadas", "12811901": "Despesas Pagas Antecipadamente",
    "13": "ATIVO NÃO CIRCULANTE", "131": "REALIZÁVEL A LONGO PRAZO",
    "1311": "APLICAÇÕES GARANTIDORAS DE PROVISÕES TÉCNICAS", "13111": "TÍTULOS DE RENDA FIXA - PÚBLICOS",
    "131119": "TÍTULOS DE RENDA FIXA - PÚBLICOS", "13111901": "Títulos Públicos Federais",
    "1313": "CRÉDITOS TRIBUTÁRIOS E PREVIDENCIÁRIOS", "13131": "CRÉDITOS TRIBUTÁRIOS",
    "131319": "Créditos Tributários", "13131901": "Créditos Tributários a Compensar",
    "1315": "DESPESAS DE COMERCIALIZAÇÃO DIFERIDAS", "13151": "DESPESAS DE COMERCIALIZAÇÃO DIFERIDAS",
    "131519": "Despesas de Comercialização Diferidas", "13151901": "Despesas de Comercialização Diferidas",
    "1316": "ATIVO FISCAL DIFERIDO", "13161": "ATIVO FISCAL DIFERIDO", "131619": "Créditos Tributários",
    "13161901": "Crédito Tributário sobre Prejuízo Fiscal",
    "13161902": "Crédito Tributário sobre Diferenças Temporárias",
    "1317": "DEPÓSITOS JUDICIAIS E FISCAIS", "13171": "DEPÓSITOS JUDICIAIS E FISCAIS",
    "131719": "Depósitos Judiciais", "13171901": "Depósitos Judiciais - Eventos/Sinistros",
    "1318": "OUTROS CRÉDITOS A RECEBER E DIREITOS A LONGO PRAZO", "13181": "OUTROS CRÉDITOS A RECEBER",
    "131819": "Outros Créditos a Receber", "13181901": "Outros Créditos a Receber a Longo Prazo",
    "13182": "DESPESAS ANTECIPADAS DE LONGO PRAZO", "131829": "Despesas Antecipadas de Longo Prazo",
    "13182901": "Despesas Operacionais Antecipadas de Longo Prazo",
    "132": "INVESTIMENTOS", "1321": "PARTICIPAÇÕES SOCIETÁRIAS PELO MÉTODO DE EQUIVALÊNCIA PATRIMONIAL",
    "13211": "PARTICIPAÇÕES SOCIETÁRIAS - OPERADORA DE PLANOS DE SAÚDE", "132119": "Participações em Operadoras",
    "13211901": "Participação em Controladas",
    "13212": "PARTICIPAÇÕES SOCIETÁRIAS EM REDE ASSISTENCIAL HOSPITALAR", "132129": "Participações em Rede Hospitalar",
    "13212901": "Participação em Controladas",
    "13214": "PARTICIPAÇÕES EM INSTITUIÇÕES REGULADAS (SUSEP, BACEN, PREVIC)",
    "132149": "Participações em Instituições Reguladas", "13214901": "Participação em Controladas",
    "13215": "PARTICIPAÇÕES EM OUTRAS SOCIEDADES", "132159": "Participações em Outras Sociedades",
    "13215902": "Participação em Coligadas",
    "1322": "PARTICIPAÇÕES SOCIETÁRIAS PELO MÉTODO DE CUSTO", "13221": "PARTICIPAÇÕES SOCIETÁRIAS PELO MÉTODO DE CUSTO",
    "132219": "Participações pelo Método de Custo", "13221901": "Participação em Operadoras",
    "133": "IMOBILIZADO", "1331": "IMÓVEIS DE USO PRÓPRIO", "13311": "IMÓVEIS - HOSPITALARES / ODONTOLÓGICOS",
    "133119": "Imóveis - Hospitalares/Odontológicos", "13311901": "Imóveis de Uso Próprio - Hospitalares",
    "1339": "OUTRAS IMOBILIZAÇÕES", "13391": "OUTRAS IMOBILIZAÇÕES", "133919": "Outras Imobilizações",
    "13391901": "Outras Imobilizações",
    "134": "INTANGÍVEL", "1341": "ATIVO INTANGÍVEL", "13411": "HOSPITALARES / ODONTOLÓGICOS",
    "134119": "Intangível - Hospitalares/Odontológicos", "13411901": "Intangível - Hospitalares/Odontológicos",
    "13412": "NÃO HOSPITALARES / ODONTOLÓGICOS", "134129": "Intangível - Não Hospitalares",
    "13412901": "Intangível - Não Hospitalares",
    "2": "PASSIVO", "21": "PASSIVO CIRCULANTE",
    "211": "PROVISÕES TÉCNICAS DE OPERAÇÕES DE ASSISTÊNCIA À SAÚDE",
    "2111": "PROVISÕES TÉCNICAS DE OPERAÇÕES DE ASSISTÊNCIA À SAÚDE",
    "21111": "PROVISÕES TÉCNICAS - MÉDICO-HOSPITALAR", "211111": "Cobertura Assistencial com Preço Preestabelecido",
    "21111101": "Provisão de Prêmio / Contraprestação", "21111102": "Provisão de Eventos/Sinistros a Liquidar para o SUS",
    "21111103": "Provisão de Eventos/Sinistros a Liquidar para Outros Prestadores",
    "21111104": "Provisão para Eventos/Sinistros Ocorridos e Não Avisados (PEONA)",
    "21112": "PROVISÕES TÉCNICAS - ODONTOLÓGICO", "211121": "Cobertura Assistencial com Preço Preestabelecido",
    "21112101": "Provisão de Prêmio / Contraprestação",
    "21112104": "Provisão para Eventos/Sinistros Ocorridos e Não Avisados (PEONA)",
    "213": "DÉBITOS DE OPERAÇÕES DE ASSISTÊNCIA À SAÚDE", "2135": "OPERADORAS DE PLANOS DE ASSISTÊNCIA À SAÚDE",
    "21351": "OPERADORAS DE PLANOS DE ASSISTÊNCIA MÉDICO- HOSPITALAR",
    "213511": "Intercâmbio a Pagar de Corresponsabilidade Cedida - Preço Preestabelecido",
    "21351101": "Intercâmbio a Pagar de Corresponsabilidade Cedida",
    "214": "TRIBUTOS E ENCARGOS SOCIAIS A RECOLHER", "2141": "TRIBUTOS E CONTRIBUIÇÕES",
    "21411": "TRIBUTOS E CONTRIBUIÇÕES", "214119": "Tributos e Contribuições",
    "21411901": "Tributos e Contribuições a Recolher",
    "2148": "OUTROS DÉBITOS", "21488": "OUTROS DÉBITOS", "214889": "Outros Débitos",
    "21488908": "Débitos com Administração de Programas ou Fundos",
    "216": "DÉBITOS DIVERSOS", "2161": "DÉBITOS DIVERSOS", "21611": "FORNECEDORES", "216119": "Fornecedores",
    "21611901": "Fornecedores", "21612": "OBRIGAÇÕES COM PESSOAL", "216129": "Obrigações com Pessoal",
    "21612901": "Salários e Encargos a Pagar",
    "23": "PASSIVO NÃO CIRCULANTE", "231": "PROVISÕES TÉCNICAS DE OPERAÇÕES DE ASSISTÊNCIA À SAÚDE",
    "2311": "PROVISÕES TÉCNICAS DE OPERAÇÕES DE ASSISTÊNCIA À SAÚDE",
    "23111": "PROVISÕES TÉCNICAS - MÉDICO-HOSPITALAR", "231111": "Cobertura Assistencial com Preço Preestabelecido",
    "23111101": "Provisão de Prêmio / Contraprestação",
    "23111103": "Provisão de Eventos/Sinistros a Liquidar para Outros Prestadores",
    "23111104": "Provisão para Eventos/Sinistros Ocorridos e Não Avisados (PEONA)",
    "233": "TRIBUTOS E ENCARGOS SOCIAIS A RECOLHER", "2331": "PARCELAMENTO DE TRIBUTOS E CONTRIBUIÇÕES",
    "23311": "PARCELAMENTO DE TRIBUTOS", "233119": "Parcelamento de Tributos",
    "23311901": "Parcelamento de Tributos e Contribuições",
    "25": "PATRIMÔNIO LÍQUIDO / PATRIMÔNIO SOCIAL", "251": "CAPITAL SOCIAL / PATRIMÔNIO SOCIAL",
    "253": "RESERVAS", "2533": "RESERVAS DE LUCROS / SOBRAS / RETENÇÃO DE SUPERÁVITS",
    "255": "(-) AÇÕES EM TESOURARIA",
    "256": "LUCROS / PREJUÍZOS - SUPERÁVITS / DÉFICITS ACUMULADOS OU RESULTADO",
    "3": "RECEITAS", "31": "RECEITAS COM OPERAÇÕES DE ASSISTÊNCIA À SAÚDE",
    "311": "CONTRAPRESTAÇÕES LÍQUIDAS / PRÊMIOS RETIDOS",
    "3111": "CONTRAPRESTAÇÕES EMITIDAS / PRÊMIOS EMITIDOS DE ASSISTÊNCIA A SAÚDE",
    "31111": "CONTRAPRESTAÇÕES EMITIDAS DE ASSISTÊNCIA MÉDICO-HOSPITALAR",
    "311111": "Cobertura Assistencial com Preço Preestabelecido",
    "31111101": "Planos Individuais/Familiares antes da Lei", "31111102": "Planos Individuais/Familiares pós - Lei",
    "31111103": "Planos Coletivos por Adesão antes da Lei", "31111104": "Planos Coletivos por Adesão depois da lei",
    "31111105": "Planos Coletivos Empresariais antes da Lei", "31111106": "Planos Coletivos Empresariais depois da lei",
    "31111108": "Corresponsabilidade Assumida",
    "311112": "Cobertura Assistencial com Preço Pós-estabelecido",
    "31111206": "Planos Coletivos Empresariais depois da lei",
    "31112": "CONTRAPRESTAÇÕES EMITIDAS DE ASSISTÊNCIA ODONTOLÓGICA",
    "311121": "Cobertura Assistencial com Preço Preestabelecido",
    "31112102": "Planos Individuais/Familiares pós - Lei", "31112104": "Planos Coletivos por Adesão depois da lei",
    "31112106": "Planos Coletivos Empresariais depois da lei",
    "3117": "(-) CONTRAPRESTAÇÕES DE CORRESPONSABILIDADE CEDIDA DE ASSISTÊNCIA A SAÚDE",
    "31171": "(-) CORRESPONSABILIDADE CEDIDA - MÉDICO-HOSPITALAR",
    "311711": "Cobertura Assistencial com Preço Preestabelecido",
    "31171101": "Planos Individuais/Familiares antes da Lei",
    "3119": "(-)OUTRAS DEDUÇÕES DAS CONTRAPRESTAÇÕES / PRÊMIOS", "31191": "(-) OUTRAS DEDUÇÕES",
    "311911": "(-) Outras Deduções", "31191101": "(-) Descontos Concedidos",
    "312": "VARIAÇÃO DAS PROVISÕES TÉCNICAS DE OPERAÇÕES DE ASSISTÊNCIA À SAÚDE",
    "3121": "VARIAÇÃO DAS PROVISÕES TÉCNICAS", "31211": "VARIAÇÃO DAS PROVISÕES TÉCNICAS",
    "312119": "Variação das Provisões Técnicas", "31211901": "Variação da PPCNG",
    "32": "(-) TRIBUTOS DIRETOS DE OPERAÇÕES COM PLANOS DE ASSISTÊNCIA À SAÚDE DA OPERADORA",
    "321": "(-) TRIBUTOS DIRETOS DE OPERAÇÕES COM PLANOS DE ASSISTÊNCIA À SAÚDE DA OPERADORA",
    "3211": "(-) TRIBUTOS DIRETOS", "32111": "(-) TRIBUTOS DIRETOS", "321119": "(-) Tributos Diretos",
    "32111901": "(-) PIS/COFINS/ISS",
    "33": "RECEITAS DE ASSISTÊNCIA À SAÚDE NÃO RELACIONADAS COM PLANOS DE SAÚDE DA OPERADORA",
    "331": "OUTRAS RECEITAS OPERACIONAIS", "3311": "OUTRAS RECEITAS OPERACIONAIS", "33111": "OUTRAS RECEITAS OPERACIONAIS",
    "331119": "Outras Receitas Operacionais", "33111901": "Outras Receitas Operacionais",
    "35": "RECEITAS FINANCEIRAS", "351": "RECEITAS FINANCEIRAS", "3511": "RECEITAS FINANCEIRAS",
    "35111": "RECEITAS FINANCEIRAS", "351119": "Receitas Financeiras", "35111901": "Receitas com Aplicações Financeiras",
    "36": "RECEITAS PATRIMONIAIS", "361": "RECEITAS PATRIMONIAIS", "3611": "RECEITAS PATRIMONIAIS",
    "36111": "RECEITAS PATRIMONIAIS", "361119": "Receitas Patrimoniais", "36111901": "Receitas com Aluguéis",
    "4": "DESPESAS", "41": "EVENTOS INDENIZÁVEIS LÍQUIDOS / SINISTROS RETIDOS",
    "411": "EVENTOS/SINISTROS CONHECIDOS OU AVISADOS DE ASSISTÊNCIA À SAÚDE",
    "4111": "EVENTOS/SINISTROS CONHECIDOS OU AVISADOS NA MODALIDADE DE PAGAMENTO POR PROCEDIMENTO",
    "41111": "EVENTOS/ SINISTROS CONHECIDOS OU AVISADOS  DE ASSISTÊNCIA A SAÚDE MEDICO HOSPITALAR ",
    "411111": "Cobertura Assistencial com Preço Preestabelecido",
    "41111102": "Planos Individuais/Familiares pós - Lei", "41111104": "Planos Coletivos por Adesão depois da lei",
    "41111106": "Planos Coletivos Empresariais depois da lei", "41111108": "Corresponsabilidade Assumida",
    "411112": "Cobertura Assistencial com Preço Pós-estabelecido",
    "41111206": "Planos Coletivos Empresariais depois da lei",
    "41112": "EVENTOS/ SINISTROS CONHECIDOS OU AVISADOS DE ASSISTÊNCIA A SAÚDE ODONTOLÓGICA",
    "411121": "Cobertura Assistencial com Preço Preestabelecido",
    "41112106": "Planos Coletivos Empresariais depois da lei",
    "4112": "EVENTOS/SINISTROS CONHECIDOS OU AVISADOS NA MODALIDADE DE PAGAMENTO POR CAPITATION",
    "41121": "EVENTOS/ SINISTROS CONHECIDOS OU AVISADOS  DE ASSISTÊNCIA A SAÚDE MEDICO HOSPITALAR ",
    "411211": "Cobertura Assistencial com Preço Preestabelecido",
    "41121106": "Planos Coletivos Empresariais depois da lei",
    "4115": "EVENTOS/SINISTROS CONHECIDOS OU AVISADOS POR RATEIO DE CUSTOS DE RECURSOS PRÓPRIOS",
    "41151": "EVENTOS/ SINISTROS CONHECIDOS OU AVISADOS  DE ASSISTÊNCIA A SAÚDE MEDICO HOSPITALAR ",
    "411511": "Cobertura Assistencial com Preço Preestabelecido",
    "41151106": "Planos Coletivos Empresariais depois da lei",
    "4117": "EVENTOS/SINISTROS CONHECIDOS OU AVISADOS - REEMBOLSO",
    "41171": "EVENTOS/ SINISTROS CONHECIDOS OU AVISADOS  DE ASSISTÊNCIA A SAÚDE MEDICO HOSPITALAR ",
    "411711": "Cobertura Assistencial com Preço Preestabelecido",
    "41171102": "Planos Individuais/Familiares pós - Lei",
    "4118": "EVENTOS/SINISTROS CONHECIDOS OU AVISADOS NO SISTEMA ÚNICO DE SAÚDE - SUS",
    "41181": "EVENTOS/ SINISTROS CONHECIDOS OU AVISADOS  DE ASSISTÊNCIA A SAÚDE MEDICO HOSPITALAR ",
    "411811": "Cobertura Assistencial com Preço Preestabelecido",
    "41181106": "Planos Coletivos Empresariais depois da lei",
    "414": "VARIAÇÃO DA PROVISÃO DE EVENTOS/SINISTROS OCORRIDOS E NÃO AVISADOS",
    "4141": "VARIAÇÃO DA PEONA", "41411": "VARIAÇÃO DA PEONA - MÉDICO-HOSPITALAR", "414119": "Variação da PEONA",
    "41411901": "Variação da PEONA", "41412": "VARIAÇÃO DA PEONA - ODONTOLÓGICO", "414129": "Variação da PEONA",
    "41412901": "Variação da PEONA",
    "43": "DESPESAS DE COMERCIALIZAÇÃO", "431": "DESPESAS DE COMERCIALIZAÇÃO", "4311": "DESPESAS DE COMERCIALIZAÇÃO",
    "43111": "DESPESAS DE COMERCIALIZAÇÃO", "431119": "Despesas de Comercialização", "43111901": "Comissões",
    "44": "OUTRAS DESPESAS OPERACIONAIS", "441": "OUTRAS DESPESAS OPERACIONAIS", "4411": "OUTRAS DESPESAS OPERACIONAIS",
    "44111": "OUTRAS DESPESAS OPERACIONAIS", "441119": "Outras Despesas Operacionais",
    "44111901": "Outras Despesas Operacionais",
    "45": "DESPESAS FINANCEIRAS", "451": "DESPESAS FINANCEIRAS", "4511": "DESPESAS FINANCEIRAS",
    "45111": "DESPESAS FINANCEIRAS", "451119": "Despesas Financeiras", "45111901": "Juros e Encargos",
    "46": "DESPESAS ADMINISTRATIVAS", "461": "DESPESAS ADMINISTRATIVAS", "4611": "DESPESAS COM PESSOAL",
    "46111": "DESPESAS COM PESSOAL", "461119": "Despesas com Pessoal", "46111901": "Pessoal",
    "464": "DESPESAS ADMINISTRATIVAS - OUTRAS", "4641": "PUBLICIDADE", "46411": "PUBLICIDADE",
    "464119": "Propaganda", "46411911": "Propaganda e Publicidade",
    "6": "IMPOSTOS E PARTICIPAÇÕES SOBRE O LUCRO", "61": "IMPOSTOS E PARTICIPAÇÕES SOBRE O LUCRO",
    "611": "IMPOSTOS SOBRE O LUCRO", "6111": "IMPOSTOS SOBRE O LUCRO", "61111": "IMPOSTOS SOBRE O LUCRO",
    "611119": "Impostos sobre o Lucro", "61111901": "IRPJ e CSLL",
}
LEAF_NAME = {code: name for code, name, _, _ in LEAVES}
LEAF_CODES = [c for c, _, _, _ in LEAVES]
PLUG = "121129011"
CLOSING = "2561"


def parents_of(code):
    return [code[:n] for n in (1, 2, 3, 4, 5, 6, 8) if n < len(code)]


def all_codes(leaves):
    s = set(leaves)
    for c in leaves:
        s.update(parents_of(c))
    return sorted(s)


def name_of(code):
    return LEAF_NAME.get(code) or NAMES[code]


def with_parents(leafvals):
    """Every level: each parent = the sum of its leaves (exact integers)."""
    out = dict(leafvals)
    for c, v in leafvals.items():
        for p in parents_of(c):
            out[p] = out.get(p, 0) + v
    return out


# --------------------------------------------------------------------------- the ledger


def simulate(seed, scale, drop=()):
    """Month-end saldo of every leaf (centavos), result accounts year to date; balanced."""
    rnd = random.Random(seed)

    def cents(reais):
        return int(round(reais * scale * 100))

    leaves = [lf for lf in LEAVES if lf[0] not in drop]
    bal = {}
    for code, _, kind, p in leaves:
        if kind == "B":
            bal[code] = cents(p[0])
        elif kind == "P" and code != PLUG:
            bal[code] = cents(p)
    flows = {m: {} for m in SIM}
    for code, _, kind, p in leaves:
        for k, m in enumerate(SIM):
            if kind == "R":
                base, g, noise = p[:3]
                first, last = (p[3], p[4]) if len(p) > 3 else (None, None)
                if (first and m < first) or (last and m > last):
                    continue
                flows[m][code] = cents(base * (1 + g) ** k * (1 + noise * rnd.uniform(-1, 1)))
            elif kind == "V":
                base, lo, hi = p
                flows[m][code] = cents(base * rnd.uniform(lo, hi))
            elif kind == "T" and m[0] == 2024 and m[1] % 3 == 0:
                flows[m][code] = cents(p * rnd.uniform(0.9, 1.1))
    saldo = {}
    ytd = {}
    for m in SIM:
        if m[1] == 1 and m != SIM[0]:  # the closing entry: last year's result into 2561
            bal[CLOSING] += sum(v * RSIGN[c[0]] for c, v in ytd.items())
            ytd = {}
        for code, _, kind, p in leaves:
            if kind == "B":
                drift, noise = p[1], p[2]
                bal[code] = int(round(bal[code] * (1 + drift + noise * rnd.uniform(-1, 1))))
        for c, f in flows[m].items():
            ytd[c] = ytd.get(c, 0) + f
        s = dict(bal)
        s.update(ytd)
        result = sum(v * RSIGN[c[0]] for c, v in ytd.items())
        liab = sum(v for c, v in bal.items() if c[0] == "2")
        assets = sum(v for c, v in bal.items() if c[0] == "1")
        s[PLUG] = liab + result - assets
        assert s[PLUG] > 0, (seed, m, s[PLUG])
        saldo[m] = s
    return saldo


RSIGN = {"3": 1, "4": -1, "6": -1}  # result = 3 - 4 - 6 (presentation signs)


def present(saldo, prev):
    """Leaves exported in a month: non-zero saldo, or a result account with an opening."""
    return {c: v for c, v in saldo.items() if v != 0 or prev.get(c, 0) != 0}


def opening(saldo_all, m):
    """saldo_inicial of month m: the previous month's closing; result accounts restart at 0
    in January and 2561 then holds last year's result."""
    p = prev_month(m)
    s = dict(saldo_all[p])
    if m[1] == 1:
        res = sum(v * RSIGN[c[0]] for c, v in s.items() if c[0] in RSIGN)
        s = {c: v for c, v in s.items() if c[0] not in RSIGN}
        s[CLOSING] = s.get(CLOSING, 0) + res
    return s


OP = simulate(20251001, 1.0)
for m in FILES:
    assert opening(OP, m).get(CLOSING) == OP[m][CLOSING] or m[1] != 1

# Other operators in the open-data files (fictitious; smaller charts, other scales).
OTHERS = [
    ("301337", simulate(301337, 0.031, drop=("311111031", "311121041", "132219011", "611119012"))),
    ("000701", simulate(701, 0.42, drop=("134119016", "132159023", "123411011"))),
    ("419876", simulate(419876, 0.0087, drop=("311111081", "411111081", "132149011", "2551"))),
]

# --------------------------------------------------------------------------- account rule (spec §1.3)


def account_value(rows, code):
    """rows: {code: value} of one file/month. Exact code, else the topmost rows under it.
    Returns (value, [codes used]); ([] when absent)."""
    if code in rows:
        return rows[code], [code]
    under = [c for c in rows if c.startswith(code) and c != code]
    top = [c for c in under if not any(o != c and c.startswith(o) and len(o) > len(code) for o in under)]
    return sum(rows[c] for c in top), sorted(top)


# --------------------------------------------------------------------------- the mapping (spec §2)

SALDO_FIELDS = [
    ("PLA", "pl", ["25"]),
    ("PLA", "ded_participacoes", ["13211", "13214"]),
    ("PLA", "ded_creditos_tributarios", ["13161901"]),
    ("PLA", "ded_despesas_diferidas", ["125", "1315"]),
    ("PLA", "ded_despesas_antecipadas", ["128", "13182"]),
    ("PLA", "ded_intangivel", ["134"]),
    ("PLA", "ded_goodwill", ["132129013", "132129023", "132139013", "132139023", "132159013", "132159023"]),
    ("Operacional", "provisoes_tecnicas", ["211", "231"]),
]
CELLS = [  # (tipo_contratacao, segmento, accounts)
    ("individual", "medico_hospitalar", ["31111101", "31111102"]),
    ("coletivo_adesao", "medico_hospitalar", ["31111103", "31111104"]),
    ("coletivo_empresarial", "medico_hospitalar", ["31111105", "31111106"]),
    ("corresponsabilidade_assumida", "medico_hospitalar", ["31111108"]),
    ("individual", "odontologico", ["31112101", "31112102"]),
    ("coletivo_adesao", "odontologico", ["31112103", "31112104"]),
    ("coletivo_empresarial", "odontologico", ["31112105", "31112106"]),
    ("corresponsabilidade_assumida", "odontologico", ["31112108"]),
]
EVENTOS = ["411%d%d1" % (m, s) for m in range(1, 10) for s in (1, 2)] + ["414"]
OPER_12M = ["311"]
CHECK_CODES = ["1", "21", "23", "25", "3", "4", "6", "311", "3111", "41", "2111"]
MAPPED_SALDO = sorted({c for _, _, accs in SALDO_FIELDS for c in accs})
MAPPED_FLOW = sorted({c for _, _, accs in CELLS for c in accs} | set(EVENTOS) | set(OPER_12M))


# Rows of my operator per month as an ERP file holds them (leaves only, non-zero).
ERP_ROWS = {}
for m in FILES:
    ERP_ROWS[m] = present(OP[m], opening(OP, m))
# The month before the first file, for flows (the ledger has it).
ROWS_ALL = {m: present(OP[m], opening(OP, m)) for m in SIM[1:]}

# --------------------------------------------------------------------------- writers


def write_csv(path, header, rows, encoding, delimiter=";", quoting=csv.QUOTE_MINIMAL, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        if bom:
            f.write("\ufeff")
        w = csv.writer(f, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def erp_csv_rows(m):
    op = opening(OP, m)
    rows = ERP_ROWS[m]
    return [[c, name_of(c), br(op.get(c, 0), thousands=True), br(rows[c], thousands=True)]
            for c in sorted(rows)]


ERP_HEADER = ["conta", "descricao", "saldo_inicial", "saldo_final"]


def path(*p):
    return os.path.join(OUT, *p)


def rel(p):
    return os.path.relpath(p, OUT).replace(os.sep, "/")


for d in ("erp-csv", "erp-mixed", "opendata", "diops", "broken"):
    shutil.rmtree(path(d), ignore_errors=True)

# 1. ERP CSV (set A)
for m in FILES:
    write_csv(path("erp-csv", "balancete-%s.csv" % ym(m)), ERP_HEADER, erp_csv_rows(m), "latin-1")

# 1b. ERP mixed (set B): no saldo_inicial; xlsx through LibreOffice for some months.
XLSX_MONTHS = [(2024, 9), (2024, 12), (2025, 1), (2025, 2), (2025, 6), (2025, 9)]
MIXED_HEADER = ["conta", "saldo_final", "mes"]


def convert_xlsx(months):
    """CSV (; Latin-1, decimal comma) -> LibreOffice Calc -> .xlsx. Column formats:
    conta Standard (numeric cells, as Calc makes them), saldo_final Standard read in pt-BR
    (numeric cells), mes Text (else Calc makes a date of 2025-09)."""
    with tempfile.TemporaryDirectory() as tmp:
        srcs = []
        for m in months:
            src = os.path.join(tmp, "balancete-%s.csv" % ym(m))
            rows = ERP_ROWS[m]
            write_csv(src, MIXED_HEADER, [[c, br(rows[c]), ym(m)] for c in sorted(rows)], "latin-1")
            srcs.append(src)
        prof = "-env:UserInstallation=file://" + os.path.join(tmp, "profile")
        subprocess.run(["soffice", prof, "--headless",
                        "--infilter=Text - txt - csv (StarCalc):59,34,12,1,1/1/2/1/3/2,1046",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(tmp, "x")]
                       + srcs, check=True, capture_output=True)
        for m in months:
            name = "balancete-%s.xlsx" % ym(m)
            shutil.copy(os.path.join(tmp, "x", name), path("erp-mixed", name))


os.makedirs(path("erp-mixed"), exist_ok=True)
for m in FILES:
    if m in XLSX_MONTHS:
        continue
    rows = ERP_ROWS[m]
    write_csv(path("erp-mixed", "balancete-%s.csv" % ym(m)), MIXED_HEADER,
              [[c, pt(rows[c]), ym(m)] for c in sorted(rows)], "utf-8", delimiter=",",
              bom=(m[1] % 2 == 0))
convert_xlsx(XLSX_MONTHS)

# 2. Open data: every level, quarter end, several operators.
QUARTERS = {  # name: (quarter end month, DATA text, layout, encoding, bom)
    "3T2025.csv": ((2025, 9), "2025-07-01", 6, "latin-1", False),
    "3T2025-layout-antigo.csv": ((2025, 9), "01/07/2025", 5, "latin-1", False),
    "4T2024.csv": ((2024, 12), "2024/10/01", 6, "utf-8", True),
    "3T2024.csv": ((2024, 9), "01/07/2024", 5, "latin-1", False),
}
OPEN_HEADER6 = ["DATA", "REG_ANS", "CD_CONTA_CONTABIL", "DESCRICAO", "VL_SALDO_INICIAL", "VL_SALDO_FINAL"]


def quarter_open(saldo, qend):
    """The quarter's saldo inicial: the closing of the month before the quarter (results: YTD
    at that month, 0 for 1T)."""
    first = (qend[0], qend[1] - 2)
    return opening(saldo, first)


def opendata_rows(reg, saldo, qend, data, layout):
    op = quarter_open(saldo, qend)
    fin = present(saldo[qend], op)
    leaves = set(fin) | {c for c, v in op.items() if v != 0 and c in saldo[qend]}
    fin_all = with_parents({c: saldo[qend].get(c, 0) for c in leaves})
    op_all = with_parents({c: op.get(c, 0) for c in leaves})
    rows = []
    for c in sorted(fin_all):
        r = [data, reg, c, name_of(c)]
        if layout == 6:
            r.append(br(op_all.get(c, 0)))
        r.append(br(fin_all[c]))
        rows.append(r)
    return rows, fin_all, op_all


OPENDATA = {}
for fname, (qend, data, layout, enc, bom) in QUARTERS.items():
    header = OPEN_HEADER6 if layout == 6 else OPEN_HEADER6[:4] + OPEN_HEADER6[5:]
    rows = []
    # operator order: not sorted, mine neither first nor last
    for reg, saldo in [OTHERS[0], (REGISTRO, OP), OTHERS[1], OTHERS[2]]:
        r, fin_all, op_all = opendata_rows(reg, saldo, qend, data, layout)
        rows += r
        if reg == REGISTRO:
            OPENDATA[fname] = (fin_all, op_all)
    write_csv(path("opendata", fname), header, rows, enc, quoting=csv.QUOTE_ALL, bom=bom)

# 3. DIOPS-XML, quarterly, 3T2025.
NS = "http://www.ans.gov.br/ws/diops/financeiro/schema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
Q3 = (2025, 9)


def split(total, parts, rnd):
    """total centavos over `parts` shares (ints summing to total, same sign)."""
    ws = [rnd.uniform(0.2, 1.0) for _ in range(parts)]
    out = [int(total * w / sum(ws)) for w in ws]
    out[0] += total - sum(out)
    return out


def crc_and_funds():
    rnd = random.Random(33)
    s = OP[Q3]
    acc = lambda *codes: sum(account_value(s, c)[0] for c in codes)
    totals = [  # CAMPO2..CAMPO10 (PPA 14.1 orientation accounts), magnitudes
        acc("1234"), acc("12411902"), acc("123911082"), -acc("123911089"), acc("124119082"),
        -acc("124119089"), acc("2135"), acc("211111033", "231111033"), acc("214889082")]
    regs = ["339679", "005711", "421456"]
    per = [split(t, 3, rnd) for t in totals]
    per[2][2], per[2][0] = 0, per[2][0] + per[2][2]  # one counterparty without programs
    per[3][2], per[3][0] = 0, per[3][0] + per[3][2]
    cps = [(regs[i], [per[k][i] for k in range(9)]) for i in range(3)]
    funds = {"CAMPO1": s["122119021"], "CAMPO2": 4250, "CAMPO3": s["122219021"], "CAMPO4": 8000,
             "CAMPO5": int(s["122219021"] * 0.31)}
    return cps, totals, funds


CRC, CRC_TOTALS, FUNDS = crc_and_funds()
REMISSAO = {"contrapBenefRemissaoTemp": 184325037, "contrapBenefRemissaoVital": 61200418,
            "benefRemissaoTemp": 212, "benefRemissaoVital": 64,
            "despBenefRemissaoTemp": 39811204, "despBenefRemissaoVital": 27400533}


def alm_rows():
    s = OP[Q3]
    a = lambda c: account_value(s, c)[0]
    cdb = a("122219011")
    pre_part = int(cdb * 0.4)
    return [  # (conta, valor centavos, sinal, prazo text, indexador)
        ("1221", a("1221"), "P", "001", "POS"),
        ("122219011", pre_part, "P", "012", "PRE"),
        ("122219011", cdb - pre_part, "P", "036", "IPCA"),
        ("1231", a("1231"), "P", "001", "PRE"),
        ("2111", a("2111"), "N", "002", "PRE"),
        ("127119011", a("127119011"), "P", "024", "IGPM"),
    ]


ALM = alm_rows()
BALANCETE_GROUP = {"1": "ativo", "2": "passivo", "3": "receita", "4": "despesa"}


def diops_balancete_rows():
    """Quarter 3T2025: saldoInicial at 2025-06-30 (results: YTD at June), debitos and creditos
    gross over the quarter, saldoFinal at 2025-09-30, every level. Classes 1-4 only (class 6 is
    zero in 2025)."""
    rnd = random.Random(3)
    fin_all, op_all = OPENDATA["3T2025.csv"]
    assert not any(c[0] == "6" for c in fin_all)
    leaves = sorted(c for c in fin_all if c in LEAF_NAME)
    dc = {}
    for c in leaves:
        delta = fin_all[c] - op_all.get(c, 0)
        turnover = int(abs(fin_all[c]) * rnd.uniform(0.01, 0.3))
        up, down = turnover + max(delta, 0), turnover + max(-delta, 0)
        debit_nature = c[0] in "14"
        dc[c] = (up, down) if debit_nature else (down, up)
    dc_all = {}
    for c, (d, cr) in dc.items():
        for k in [c] + parents_of(c):
            od, oc = dc_all.get(k, (0, 0))
            dc_all[k] = (od + d, oc + cr)
    out = []
    for c in sorted(fin_all):
        d, cr = dc_all[c]
        si, sf = op_all.get(c, 0), fin_all[c]
        assert sf == (si + d - cr if c[0] in "14" else si + cr - d), c
        out.append((c, si, d, cr, sf))
    return out


DIOPS_BAL = diops_balancete_rows()


def diops_tree(trimestre="2025003"):
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    q = lambda t: "{%s}%s" % (NS, t)
    root = ET.Element(q("diops"), {"{%s}schemaLocation" % XSI: "http://www.ans.gov.br/padroes/diops/2025/schemas/Diops2025.xsd"})

    def sub(parent, tag, text=None, attrib=None):
        e = ET.SubElement(parent, q(tag), attrib or {})
        if text is not None:
            e.text = text
        return e

    ident = sub(root, "identificacao")
    sub(ident, "registro", REGISTRO)
    sub(ident, "cnpj", CNPJ)
    sub(ident, "ano", "2025")
    sub(ident, "trimestre", trimestre)
    fin = sub(root, "financeiro", attrib={"{%s}type" % XSI: "padrao"})
    bal = sub(fin, "balancete")
    for c, si, d, cr, sf in DIOPS_BAL:
        e = sub(bal, BALANCETE_GROUP[c[0]])
        sub(e, "conta", c)
        sub(e, "saldoInicial", pt(si))
        sub(e, "debitos", pt(d))
        sub(e, "creditos", pt(cr))
        sub(e, "saldoFinal", pt(sf))
    # Quadros capreg does not read (ignored): a cash-flow line, monthly events, profits.
    fc = sub(sub(fin, "fluxoCaixa"), "lancFluxoCaixa")
    sub(fc, "codigo", "1.01")
    sub(fc, "valor", pt(4_512_300_45))
    ev = sub(fin, "eventosIndenizaveis")
    for mes in ("2025-07", "2025-08", "2025-09"):
        le = sub(ev, "lancEventosIndenizaveis")
        sub(le, "mes", mes)
        pp = sub(le, "prePagamento")
        sub(pp, "movimentacao", "1001")
        sub(pp, "valor", pt(1_000_000_00 + int(mes[-1]) * 12_345_67))
    lp = sub(sub(fin, "lucrosPrejuizos"), "lancLucrosPrejuizos")
    sub(lp, "descricao", "Ajuste de exercícios anteriores (não lido)")
    sub(lp, "valor", "0.00")
    mp = sub(sub(fin, "modeloPadraoCapital"), "lancModeloPadraoCapital")
    for k, v in REMISSAO.items():
        sub(mp, k, pt(v) if k.startswith(("contrap", "desp")) else str(v))
    crc = sub(fin, "creditosDebitosCRC")
    for reg, vals in CRC:
        lo = sub(crc, "lancOperadoraCreditosDebitosCRC")
        sub(lo, "operadora", reg)
        for k, v in enumerate(vals, start=2):
            it = sub(lo, "lancCreditosDebitosCRC")
            sub(it, "movimentacao", "CAMPO%d" % k)
            sub(it, "valor", pt(v))
    fu = sub(fin, "fundosInvestimentosCRC")
    for k, v in FUNDS.items():
        it = sub(fu, "lancFundosInvestimentosCRC")
        sub(it, "movimentacao", k)
        sub(it, "valor", pt(v))
    qr = sub(fin, "quadroRiscoMercado")
    for conta, v, sinal, prazo, idx in ALM:
        it = sub(qr, "lancQuadroRiscoMercado")
        sub(it, "nrAnoReferencia", "2025")
        sub(it, "tpTrimestreReferencia", "3")
        sub(it, "cdContaContabil", conta)
        sub(it, "vlValor", pt(v))
        sub(it, "tpSinal", sinal)
        sub(it, "vlPrazoPonderadoFluxo", prazo)
        sub(it, "tpIndexador", idx)
    ET.indent(root, space="  ")
    return root


def cnpj_digits(base12):
    d = [int(x) for x in base12]
    for weights in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        r = sum(a * b for a, b in zip(d, weights)) % 11
        d.append(0 if r < 2 else 11 - r)
    return "".join(map(str, d))


CNPJ = cnpj_digits("123456780001")


def xml_text(root, encoding):
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="%s"?>\n%s\n' % (encoding, body)


def write_text(p, text, encoding="utf-8"):
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding=encoding, newline="\n") as f:
        f.write(text)


DIOPS_TEXT = xml_text(diops_tree(), "UTF-8")
write_text(path("diops", "diops-3T2025.xml"), DIOPS_TEXT)
write_text(path("diops", "diops-3T2025-latin1.xml"), xml_text(diops_tree(trimestre="3"), "ISO-8859-1"), "latin-1")

# --------------------------------------------------------------------------- 4. broken files

FINDINGS = {}


def line_of(text, needle, start_line=1):
    for i, ln in enumerate(text.split("\n"), start=1):
        if i >= start_line and needle in ln:
            return i
    raise KeyError(needle)


def erp_lines(m):
    """The ERP CSV of month m as (header + rows), as the writer lays them out."""
    return [ERP_HEADER] + erp_csv_rows(m)


def write_erp_variant(case, m, rows):
    p = path("broken", case, "balancete-%s.csv" % ym(m))
    write_csv(p, rows[0], rows[1:], "latin-1")
    return rel(p)


# unbalanced: 2025-03, Caixa (no mapped field uses it) + R$ 10,00
m_unb = (2025, 3)
rows = erp_lines(m_unb)
i_caixa = next(i for i, r in enumerate(rows) if r[0] == "121119011")
rows[i_caixa][3] = br(ERP_ROWS[m_unb]["121119011"] + 1000, thousands=True)
f_unb = write_erp_variant("unbalanced", m_unb, rows)

# duplicate account: 2025-05, 311111061 repeated (identical row) at the end of the file
m_dup = (2025, 5)
rows = erp_lines(m_dup)
i_dup = next(i for i, r in enumerate(rows) if r[0] == "311111061")
rows.append(list(rows[i_dup]))
f_dup = write_erp_variant("duplicate-account", m_dup, rows)
DUP_LINES = (i_dup + 1, len(rows))

# non-numeric account code: 2025-04, 121119011 typed with a letter O
m_code = (2025, 4)
rows = erp_lines(m_code)
i_code = next(i for i, r in enumerate(rows) if r[0] == "121119011")
rows[i_code][0] = "121119O11"
f_code = write_erp_variant("bad-account-code", m_code, rows)

# unparsable number: 2025-06, saldo_final of 216119011
m_num = (2025, 6)
rows = erp_lines(m_num)
i_num = next(i for i, r in enumerate(rows) if r[0] == "216119011")
BAD_NUMBER = "2.0l5.331,07"
rows[i_num][3] = BAD_NUMBER
f_num = write_erp_variant("bad-number", m_num, rows)

# two operators, no --registro
p_two = path("broken", "two-operators", "3T2025.csv")
two_rows = []
for reg, saldo in [(REGISTRO, OP), OTHERS[2]]:
    two_rows += opendata_rows(reg, saldo, (2025, 9), "2025-07-01", 6)[0]
write_csv(p_two, OPEN_HEADER6, two_rows, "latin-1", quoting=csv.QUOTE_ALL)

# DIOPS with a non-numeric vlValor (3rd ALM row)
ALM_BAD_INDEX = 3
bad_text, n = DIOPS_TEXT, 0
alm_start = line_of(DIOPS_TEXT, "<quadroRiscoMercado>")
lines = DIOPS_TEXT.split("\n")
for i in range(alm_start - 1, len(lines)):
    if "<vlValor>" in lines[i]:
        n += 1
        if n == ALM_BAD_INDEX:
            BAD_VL = "12a45.00"
            lines[i] = "%s<vlValor>%s</vlValor>" % (lines[i][:lines[i].index("<")], BAD_VL)
            bad_vl_line = i + 1
            break
p_badel = path("broken", "diops-bad-element", "diops-3T2025.xml")
write_text(p_badel, "\n".join(lines))

# malformed DIOPS: a closing tag misspelt inside the balancete (the 25's saldoFinal)
lines = DIOPS_TEXT.split("\n")
i25 = line_of(DIOPS_TEXT, "<conta>25</conta>") - 1
j = next(k for k in range(i25, len(lines)) if "<saldoFinal>" in lines[k])
lines[j] = lines[j].replace("</saldoFinal>", "</saldoFinall>")
malformed_line = j + 1
p_malf = path("broken", "diops-malformed", "diops-3T2025.xml")
write_text(p_malf, "\n".join(lines))

# sources disagree: the DIOPS moves R$ 1,00 from Bancos to 134119011 (so it still balances,
# but 134 differs by 1,00 from the ERP 2025-09 export)
moved = {}
for c, si, d, cr, sf in DIOPS_BAL:
    delta = 0
    if c == "134119011" or c in parents_of("134119011"):
        delta += 100
    if c == PLUG or c in parents_of(PLUG):
        delta -= 100
    moved[c] = sf + delta
lines = DIOPS_TEXT.split("\n")
cur = None
for k, ln in enumerate(lines):
    s = ln.strip()
    if s.startswith("<conta>"):
        cur = s[len("<conta>"):-len("</conta>")]
    elif s.startswith("<saldoFinal>") and cur is not None and moved.get(cur) is not None:
        old = next(sf for c, si, d, cr, sf in DIOPS_BAL if c == cur)
        if moved[cur] != old:
            lines[k] = ln.replace(pt(old), pt(moved[cur]))
            if cur == "134":
                disagree_line = k + 1
        cur = None
p_dis = path("broken", "sources-disagree", "diops-3T2025.xml")
write_text(p_dis, "\n".join(lines))

# --------------------------------------------------------------------------- 5. expected values


def fmt(c):
    return pt(c)


def saldo_fields(rows):
    out, src = {}, {}
    for sheet, field, accs in SALDO_FIELDS:
        total, used, absent = 0, {}, []
        for a in accs:
            v, codes = account_value(rows, a)
            total += v
            if codes:
                used[a] = fmt(v)
            else:
                absent.append(a)
        out.setdefault(sheet, {})[field] = fmt(total)
        src["%s.%s" % (sheet, field)] = {"accounts": used, "absent": absent}
    return out, src


def month_rows(m):
    return ROWS_ALL[m]


def monthly_flow(m, code):
    jan = m[1] == 1
    cur = account_value(month_rows(m), code)[0]
    prev = 0 if jan else account_value(month_rows(prev_month(m)), code)[0]
    return cur - prev


def flows_via_opening(m, code):
    """The same flow from the file's own saldo_inicial column (set A)."""
    op = opening(OP, m)
    rows = ERP_ROWS[m]
    lv = {c: op.get(c, 0) for c in rows}
    return account_value(rows, code)[0] - account_value(lv, code)[0]


def present_any(m, codes):
    return any(account_value(month_rows(m), c)[1] for c in codes)


contraprestacoes, eventos = [], []
for tipo, seg, accs in CELLS:
    if not any(present_any(m, accs) for m in WINDOW):
        continue
    for m in WINDOW:
        v = sum(monthly_flow(m, a) for a in accs)
        assert v == sum(flows_via_opening(m, a) for a in accs)
        contraprestacoes.append({"competencia": ym(m), "tipo_contratacao": tipo, "segmento": seg,
                                 "valor": fmt(v)})
for m in WINDOW:
    v = sum(monthly_flow(m, a) for a in EVENTOS)
    assert v == sum(flows_via_opening(m, a) for a in EVENTOS)
    eventos.append({"competencia": ym(m), "valor": fmt(v)})

total_311_monthly = sum(monthly_flow(m, "311") for m in WINDOW)


def ytd(rows, code):
    return account_value(rows, code)[0]


total_311_quarters = (ytd(OPENDATA["3T2025.csv"][0], "311") + ytd(OPENDATA["4T2024.csv"][0], "311")
                      - ytd(OPENDATA["3T2024.csv"][0], "311"))
assert total_311_monthly == total_311_quarters

erp_fields, erp_sources = saldo_fields(ERP_ROWS[DATA_BASE])
od_fields, od_sources = saldo_fields(OPENDATA["3T2025.csv"][0])
diops_rows = {c: sf for c, si, d, cr, sf in DIOPS_BAL}
dio_fields, dio_sources = saldo_fields(diops_rows)
assert erp_fields == od_fields == dio_fields, (erp_fields, od_fields)

credito_operadoras = []
COLS = ["creditos_operacoes", "intercambio_receber", "creditos_programas", "ppsc_programas",
        "creditos_adm_programas", "ppsc_adm_programas", "debitos_operacoes", "pesl_intercambio",
        "debitos_adm_programas"]
for reg, vals in CRC:
    r = {"registro_ans": reg}
    r.update({col: fmt(v) for col, v in zip(COLS, vals)})
    credito_operadoras.append(r)


credito_ativos = [
    {"categoria": "fundo_fdss", "exposicao": fmt(FUNDS["CAMPO1"]), "fpr": str((dec(FUNDS["CAMPO2"]) / 100).normalize())},
    {"categoria": "fundo_outros", "exposicao": fmt(FUNDS["CAMPO3"]),
     "fpr": str((dec(FUNDS["CAMPO4"]) / 100).normalize()) if "CAMPO4" in FUNDS else "1"},
]
mercado_alm = [{"conta": c, "valor": fmt(v), "sinal": s, "prazo_meses": int(p), "indexador": i}
               for c, v, s, p, i in ALM]

FIELDS = {
    "Operadora": {"registro_ans": REGISTRO, "data_base": ym(DATA_BASE)},
    "PLA": erp_fields["PLA"],
    "Contraprestacoes": contraprestacoes,
    "Eventos": eventos,
    "Operacional": {"contraprestacoes_12m_total": fmt(total_311_monthly),
                    "provisoes_tecnicas": erp_fields["Operacional"]["provisoes_tecnicas"]},
    "Remissao": {"ca_temporaria": fmt(REMISSAO["contrapBenefRemissaoTemp"]),
                 "ca_vitalicia": fmt(REMISSAO["contrapBenefRemissaoVital"])},
    "Credito_Operadoras": credito_operadoras,
    "Credito_Ativos": credito_ativos,
    "Mercado_ALM": mercado_alm,
}
LEFT_FOR_PERSON = [
    "Operadora (every field but registro_ans and data_base)", "ABI", "Remissao.pr_temporaria",
    "Remissao.pr_vitalicia", "Credito_Operadoras.grau_risco", "Credito_Seguros",
    "Credito_Ativos (rows other than fundo_fdss and fundo_outros)", "Mercado_Ativos",
    "Parcelas_Informadas", "Beneficiarios"]

d = ERP_ROWS[DATA_BASE]
ORIGEM_CHECKS = {  # shown in Origem as checks, never copied into a field (spec §2)
    "abi_hc_x_soma": {"accounts": ["2111XX024"],
                      "value": fmt(sum(v for c, v in d.items() if len(c) == 9 and c.startswith("2111") and c[6:] == "024"))},
    "provisao_remissao": {"accounts": ["211111014", "211121014", "231111014", "231121014"],
                          "value": fmt(sum(account_value(d, c)[0] for c in ("211111014", "211121014", "231111014", "231121014")))},
}


def totals(rows):
    return {c: account_value(rows, c)[0] for c in ["1", "21", "23", "25", "3", "4", "6"]}


def balance_entry(rows):
    t = totals(rows)
    closed = t["1"] - (t["21"] + t["23"] + t["25"])
    opened = t["1"] - (t["21"] + t["23"] + t["25"] + t["3"] - t["4"] - t["6"])
    e = {k: fmt(v) for k, v in t.items()}
    e.update({"diff_closed": fmt(closed), "diff_open": fmt(opened),
              "balanced": abs(closed) <= 1 or abs(opened) <= 1})
    return e


BALANCE = {ym(m): balance_entry(ERP_ROWS[m]) for m in FILES}
assert all(b["balanced"] and b["diff_open"] == "0.00" for b in BALANCE.values())
unb_rows = dict(ERP_ROWS[m_unb])
unb_rows["121119011"] += 1000
UNB = balance_entry(unb_rows)
assert UNB["diff_open"] == "10.00" and not UNB["balanced"]


def account_tables():
    """Per month of the 13 files: saldo of the checked and mapped codes (rule of §1.3 on the
    leaves), the codes absent, and (window months) the monthly flows of the flow codes."""
    sal, flo, absent = {}, {}, {}
    for m in FILES:
        rows = ERP_ROWS[m]
        sal[ym(m)] = {c: fmt(account_value(rows, c)[0]) for c in CHECK_CODES + MAPPED_SALDO + MAPPED_FLOW}
        absent[ym(m)] = sorted(c for c in set(MAPPED_SALDO + MAPPED_FLOW) if not account_value(rows, c)[1])
        if m in WINDOW:
            flo[ym(m)] = {c: fmt(monthly_flow(m, c)) for c in MAPPED_FLOW + ["3", "4"]}
    return sal, flo, absent


SALDOS, FLOWS, ABSENT = account_tables()

# --------------------------------------------------------------------------- cases

erp_a = ["erp-csv/balancete-%s.csv" % ym(m) for m in FILES]
erp_b = ["erp-mixed/balancete-%s.%s" % (ym(m), "xlsx" if m in XLSX_MONTHS else "csv") for m in FILES]
DIOPS = "diops/diops-3T2025.xml"
QFILES = ["opendata/3T2025.csv", "opendata/4T2024.csv", "opendata/3T2024.csv"]
ALL_FIELDS = ["PLA", "Contraprestacoes", "Eventos", "Operacional", "Remissao", "Credito_Operadoras",
              "Credito_Ativos", "Mercado_ALM"]
DIOPS_FIELDS = ["Remissao", "Credito_Operadoras", "Credito_Ativos", "Mercado_ALM"]
MONTHLY_MSG = "Contraprestacoes and Eventos need the 13 monthly balancetes 2024-09..2025-09 (or 12 with saldo_inicial)"


def case(balancete, diops=(), registro=None, exit=0, fields=(), empty=(), findings=(), note=None):
    c = {"args": {"balancete": list(balancete), "diops": list(diops), "registro": registro, "data_base": None},
         "exit": exit, "writes_workbook": exit == 0, "fields": list(fields), "empty": list(empty),
         "findings": list(findings)}
    if note:
        c["note"] = note
    return c


def replace(files, new):
    name = os.path.basename(new)
    return [new if os.path.basename(f) == name else f for f in files]


def finding(kind, blocking, **kw):
    f = {"kind": kind, "severity": "error" if blocking else "warning", "blocking": blocking,
         "file": None, "line": None, "element": None, "month": None}
    f.update(kw)
    return f


partial_12m = {"Operacional": {"provisoes_tecnicas": FIELDS["Operacional"]["provisoes_tecnicas"]}}
CASES = {
    "good_erp_csv": case(erp_a, [DIOPS], fields=ALL_FIELDS,
                         note="the good set: 13 ERP CSV exports + the quarterly DIOPS-XML; registro from the DIOPS"),
    "good_erp_mixed": case(erp_b, [DIOPS], fields=ALL_FIELDS,
                           note="no saldo_inicial: every flow from YTD differences, 2024-09 needed for 2024-10"),
    "good_erp_csv_without_2024_09": case(erp_a[1:], [DIOPS], fields=ALL_FIELDS,
                                         note="saldo_inicial gives the 2024-10 flow without the month before"),
    "good_erp_csv_diops_latin1": case(erp_a, ["diops/diops-3T2025-latin1.xml"], fields=ALL_FIELDS,
                                      note="extra, beyond spec: XML declared ISO-8859-1, trimestre '3'"),
    "good_erp_csv_plus_opendata": case(erp_a + QFILES, [DIOPS], registro=REGISTRO, fields=ALL_FIELDS,
                                       note="the same months from ERP, open data and DIOPS agree to the centavo"),
    "good_erp_csv_registro_flag": case(erp_a, registro=REGISTRO,
                                       fields=["PLA", "Contraprestacoes", "Eventos", "Operacional"],
                                       empty=DIOPS_FIELDS, note="no DIOPS: registro from --registro; DIOPS fields left empty"),
    "quarterly_only": case(QFILES, registro=REGISTRO, fields=["PLA", "Operacional"],
                           empty=["Contraprestacoes", "Eventos"] + DIOPS_FIELDS,
                           findings=[finding("monthly_data_missing", False, field="Contraprestacoes", detail=MONTHLY_MSG),
                                     finding("monthly_data_missing", False, field="Eventos", detail=MONTHLY_MSG)],
                           note="12m total = YTD(3T2025) + YTD(4T2024) - YTD(3T2024)"),
    "quarterly_only_old_layout": case(["opendata/3T2025-layout-antigo.csv"] + QFILES[1:], registro=REGISTRO,
                                      fields=["PLA", "Operacional"],
                                      empty=["Contraprestacoes", "Eventos"] + DIOPS_FIELDS,
                                      findings=[finding("monthly_data_missing", False, field="Contraprestacoes", detail=MONTHLY_MSG),
                                                finding("monthly_data_missing", False, field="Eventos", detail=MONTHLY_MSG)]),
    "quarterly_3t2025_alone": case(["opendata/3T2025.csv"], registro=REGISTRO, fields=["PLA", "Operacional.provisoes_tecnicas"],
                                   empty=["Contraprestacoes", "Eventos", "Operacional.contraprestacoes_12m_total"] + DIOPS_FIELDS,
                                   findings=[finding("monthly_data_missing", False, field="Contraprestacoes", detail=MONTHLY_MSG),
                                             finding("monthly_data_missing", False, field="Eventos", detail=MONTHLY_MSG),
                                             finding("twelve_month_total_missing", False, field="Operacional.contraprestacoes_12m_total",
                                                     detail="needs 4T2024 and 3T2024 besides 3T2025")]),
    "diops_only": case([], [DIOPS], fields=["PLA", "Operacional.provisoes_tecnicas"] + DIOPS_FIELDS,
                       empty=["Contraprestacoes", "Eventos", "Operacional.contraprestacoes_12m_total"],
                       findings=[finding("monthly_data_missing", False, field="Contraprestacoes", detail=MONTHLY_MSG),
                                 finding("monthly_data_missing", False, field="Eventos", detail=MONTHLY_MSG),
                                 finding("twelve_month_total_missing", False, field="Operacional.contraprestacoes_12m_total",
                                         detail="a quarterly DIOPS gives YTD(3T2025) only")],
                       note="the DIOPS saldoInicial is at 2025-06-30: saldoFinal - saldoInicial is the quarter's flow, never September's"),
    # ---- broken
    "unbalanced_month": case(replace(erp_a, f_unb), [DIOPS], fields=ALL_FIELDS,
                             findings=[finding("unbalanced", False, file=f_unb, month=ym(m_unb),
                                               diff_open=UNB["diff_open"], diff_closed=UNB["diff_closed"],
                                               detail="1 - (21 + 23 + 25 + 3 - 4 - 6) = 10.00; Caixa 121119011 + R$ 10,00")]),
    "missing_month": case([f for f in erp_a if "2025-02" not in f], [DIOPS], exit=2,
                          findings=[finding("missing_month", True, month="2025-02")]),
    "flow_unbuildable": case(erp_b[1:], [DIOPS], exit=2,
                             findings=[finding("flow_unbuildable", True, month="2024-10",
                                               detail="no saldo_inicial and no 2024-09 balancete")]),
    "duplicate_account": case(replace(erp_a, f_dup), [DIOPS], exit=2,
                              findings=[finding("duplicate_account", True, file=f_dup, line=DUP_LINES[1], first_line=DUP_LINES[0],
                                                month=ym(m_dup), account="311111061")]),
    "bad_account_code": case(replace(erp_a, f_code), [DIOPS], exit=2,
                             findings=[finding("bad_account_code", True, file=f_code, line=i_code + 1, month=ym(m_code),
                                               column="conta", value="121119O11")]),
    "bad_number": case(replace(erp_a, f_num), [DIOPS], exit=2,
                       findings=[finding("bad_number", True, file=f_num, line=i_num + 1, month=ym(m_num),
                                         column="saldo_final", value=BAD_NUMBER, account="216119011")]),
    "several_operators": case([rel(p_two)], exit=2,
                              findings=[finding("several_operators", True, file=rel(p_two),
                                                registros=sorted([REGISTRO, OTHERS[2][0]]))],
                              note="usage: the same file with --registro 412345 is the quarterly_3t2025_alone case"),
    "diops_bad_element": case(erp_a, [rel(p_badel)], exit=2,
                              findings=[finding("diops_bad_element", True, file=rel(p_badel), line=bad_vl_line,
                                                element="diops/financeiro/quadroRiscoMercado/lancQuadroRiscoMercado[%d]/vlValor" % ALM_BAD_INDEX,
                                                value=BAD_VL)]),
    "diops_malformed": case(erp_a, [rel(p_malf)], exit=2,
                            findings=[finding("diops_malformed", True, file=rel(p_malf), line=malformed_line,
                                              detail="<saldoFinal> closed by </saldoFinall>")]),
    "sources_disagree": case(erp_a, [rel(p_dis)], exit=2,
                             findings=[finding("sources_disagree", True, file=rel(p_dis), line=disagree_line, month="2025-09",
                                               field="PLA.ded_intangivel", account="134",
                                               files=["erp-csv/balancete-2025-09.csv", rel(p_dis)],
                                               values=[FIELDS["PLA"]["ded_intangivel"],
                                                       fmt(account_value(ERP_ROWS[DATA_BASE], "134")[0] + 100)])],
                             note="extra: R$ 1,00 moved from Bancos to 134119011 in the DIOPS (it still balances)"),
}

expected = {
    "generator": "testdata/balancete/gen/make.py",
    "operator": {"registro_ans": REGISTRO, "razao_social": RAZAO, "modalidade": "medicina_de_grupo", "cnpj": CNPJ},
    "data_base": ym(DATA_BASE),
    "window": [ym(m) for m in WINDOW],
    "money": "strings with 2 decimals, decimal point; compare to the centavo",
    "fields": FIELDS,
    "sources": {"erp": erp_sources},
    "left_for_person": LEFT_FOR_PERSON,
    "origem_checks": ORIGEM_CHECKS,
    "quarterly": {
        "ytd_311": {"3T2025": fmt(ytd(OPENDATA["3T2025.csv"][0], "311")),
                    "4T2024": fmt(ytd(OPENDATA["4T2024.csv"][0], "311")),
                    "3T2024": fmt(ytd(OPENDATA["3T2024.csv"][0], "311"))},
        "contraprestacoes_12m_total": fmt(total_311_quarters),
    },
    "balance_check": BALANCE,
    "saldos": SALDOS,
    "absent": ABSENT,
    "flows": FLOWS,
    "cases": CASES,
}
with open(path("expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
    f.write("\n")

print("wrote", OUT)
