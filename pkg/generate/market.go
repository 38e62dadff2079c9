package generate

import (
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/rules"
)

// MaxMarket is the most operators a market has: their registros ANS are
// distinct six-digit numbers from 400000.
const MaxMarket = 99_999

// MarketFile is the file name of operator i (1-based) of a market of n:
// operadora-0001.xlsx, zero-padded to at least four digits so that the
// names sort in order.
func MarketFile(i, n int) string {
	return fmt.Sprintf("operadora-%0*d.xlsx", max(4, len(strconv.Itoa(n))), i)
}

// MarketOperator returns operator i (1-based) of the market of n operators
// drawn from seed. Operators vary in modalidade, segmentação, região, size
// (from a few thousand to some hundred thousand beneficiaries), programs and
// capital: most are sufficient, about one in fifteen is not (PLA < CR). Each
// depends only on seed and i, and on n only through the Leia-me's text.
func MarketOperator(seed uint64, i, n int) *Operator {
	opSeed := splitmix(seed ^ splitmix(uint64(i)))
	p := marketProfile(newDraw(opSeed^0x3c6ef372fe94f82b), seed, i)
	o := newOperator(opSeed, p, operatorData(newDraw(opSeed), &p))
	seg := ""
	if p.segmentacao != "" {
		seg = "segmentação " + p.segmentacao + ", "
	}
	o.intro = []string{
		fmt.Sprintf("Este arquivo é um EXEMPLO FICTÍCIO, gerado por \"capreg example --market %d --seed %d\" (operadora %d de %d): %s,",
			n, seed, i, n, modalityNames[p.modalidade]),
		fmt.Sprintf("%sregião %d, data base %s, com cerca de %s beneficiários. Nenhum valor corresponde a uma operadora real.",
			seg, p.regiao, dataBase.Format("2006-01"), thousands(max(1, (p.lives+500)/1000))+" mil"),
	}
	o.title = fmt.Sprintf("capreg — mercado fictício, operadora %d de %d (seed %d)", i, n, seed)
	return o
}

// splitmix is the SplitMix64 finaliser: nearby inputs give unrelated seeds.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

var modalityNames = map[string]string{
	string(ans.MedicinaDeGrupo):            "uma operadora de medicina de grupo",
	string(ans.CooperativaMedica):          "uma cooperativa médica",
	string(ans.Filantropia):                "uma entidade filantrópica",
	string(ans.SeguradoraEspecializada):    "uma seguradora especializada em saúde",
	string(ans.Autogestao):                 "uma autogestão",
	string(ans.OdontologiaDeGrupo):         "uma operadora de odontologia de grupo",
	string(ans.CooperativaOdontologica):    "uma cooperativa odontológica",
	string(ans.AdministradoraDeBeneficios): "uma administradora de benefícios",
}

// weightedPick returns one option, each with its weight.
func weightedPick[T any](d *draw, options []T, weights []int64) T {
	var total int64
	for _, w := range weights {
		total += w
	}
	x := d.intn(total)
	for i, w := range weights {
		if x < w {
			return options[i]
		}
		x -= w
	}
	return options[len(options)-1]
}

// mix is a modality's business: the share (%) of its beneficiaries in each
// contract type, the monthly price per beneficiary (reais) and the eventos
// as % of contraprestações.
type mix struct {
	segmento             string
	shares               [4]int64 // individual, adesão, empresarial, corresponsabilidade
	price                int64
	eventosLo, eventosHi int64
	kinds, suffixes      []string
}

// Contract types in the order of mix.shares, and how their price compares
// with the coletivo empresarial one (%).
var (
	mixTypes  = [4]string{string(ans.Individual), string(ans.ColetivoAdesao), string(ans.ColetivoEmpresarial), string(ans.CorresponsabilidadeAssumida)}
	typePrice = [4]int64{170, 135, 100, 60}
)

var mixes = map[string]mix{
	string(ans.MedicinaDeGrupo): {string(ans.MedicoHospitalar), [4]int64{18, 12, 66, 4}, 290, 76, 86,
		[]string{"Saúde", "Assistência Médica", "Medicina de Grupo"}, []string{"Ltda.", "S.A."}},
	string(ans.CooperativaMedica): {string(ans.MedicoHospitalar), [4]int64{24, 14, 54, 8}, 380, 78, 88,
		[]string{"Cooperativa Médica", "Cooperativa de Trabalho Médico"}, []string{"Ltda."}},
	string(ans.Filantropia): {string(ans.MedicoHospitalar), [4]int64{40, 10, 50, 0}, 240, 78, 90,
		[]string{"Santa Casa Saúde", "Hospital Beneficente", "Associação Hospitalar"}, []string{""}},
	string(ans.SeguradoraEspecializada): {string(ans.MedicoHospitalar), [4]int64{0, 20, 80, 0}, 620, 80, 88,
		[]string{"Seguros Saúde", "Seguradora Especializada em Saúde"}, []string{"S.A."}},
	string(ans.Autogestao): {string(ans.MedicoHospitalar), [4]int64{0, 10, 90, 0}, 560, 85, 95,
		[]string{"Caixa de Assistência", "Fundação de Assistência à Saúde", "Associação de Autogestão"}, []string{""}},
	string(ans.OdontologiaDeGrupo): {string(ans.Odontologico), [4]int64{14, 10, 76, 0}, 24, 42, 58,
		[]string{"Odonto", "Odontologia de Grupo", "Planos Odontológicos"}, []string{"Ltda.", "S.A."}},
	string(ans.CooperativaOdontologica): {string(ans.Odontologico), [4]int64{18, 12, 70, 0}, 28, 45, 60,
		[]string{"Cooperativa Odontológica", "Uniodonto"}, []string{"Ltda."}},
	string(ans.AdministradoraDeBeneficios): {string(ans.MedicoHospitalar), [4]int64{0, 100, 0, 0}, 14, 0, 0,
		[]string{"Administradora de Benefícios", "Gestão de Benefícios"}, []string{"Ltda.", "S.A."}},
}

var marketPlaces = []string{"Horizonte", "Serra Azul", "Vale Verde", "Litoral", "Planalto", "Bom Pastor",
	"Cerrado", "Pantanal", "Sertão", "Mata Atlântica", "Rio Claro", "Campos Gerais", "Alto Paraná",
	"Recôncavo", "Agreste", "Serra Gaúcha", "Vale do Aço", "Zona da Mata", "Costa Norte", "Três Rios"}

// examplePremium is the example's monthly contraprestações (reais), the
// unit of profile.size.
const examplePremium = 21_800_000

// marketProfile draws the profile of operator i of the market of seed.
func marketProfile(d *draw, seed uint64, i int) profile {
	mod := weightedPick(d,
		[]string{string(ans.MedicinaDeGrupo), string(ans.CooperativaMedica), string(ans.Filantropia), string(ans.SeguradoraEspecializada),
			string(ans.Autogestao), string(ans.OdontologiaDeGrupo), string(ans.CooperativaOdontologica), string(ans.AdministradoraDeBeneficios)},
		[]int64{25, 24, 6, 3, 12, 14, 5, 11})
	m := mixes[mod]
	// size class: small, medium, large (seguradoras are never small)
	class := weightedPick(d, []int{0, 1, 2}, []int64{45, 35, 20})
	if mod == string(ans.SeguradoraEspecializada) {
		class = max(class, 1)
	}
	lives := [3][2]int64{{2_000, 20_000}, {20_000, 100_000}, {100_000, 600_000}}[class]
	p := profile{
		modalidade: mod, lives: d.between(lives[0], lives[1]),
		hc: ratio(float64(d.between(10, 60)) / 100), idss: ratio(float64(d.between(45, 92)) / 100),
		eventosLo: m.eventosLo, eventosHi: m.eventosHi,
		abiLo: [3]int64{3, 12, 30}[class], abiHi: [3]int64{12, 30, 80}[class],
		counterparties: class + 1,
		// distinct six-digit registros: 400000 + a permutation of 0..99999
		registro: fmt.Sprintf("%06d", 400_000+(int64(i)*7_919+int64(seed%100_000))%100_000),
		places:   marketPlaces, kinds: m.kinds, suffixes: m.suffixes,
	}
	// região: the large sell nationally or in big states, the small locally
	p.regiao = weightedPick(d, []int{1, 2, 3, 4, 5, 6}, [3][]int64{{2, 6, 10, 26, 28, 28}, {8, 18, 22, 20, 16, 16}, {35, 35, 15, 7, 4, 4}}[class])
	switch m.segmento {
	case string(ans.Odontologico):
		p.segmentacao = weightedPick(d, []string{string(ans.SOT), string(ans.SOM), string(ans.SOP)}, []int64{30, 40, 30})
	default:
		if mod == string(ans.MedicinaDeGrupo) || mod == string(ans.CooperativaMedica) || mod == string(ans.Filantropia) {
			p.segmentacao = weightedPick(d, []string{string(ans.ST), string(ans.SSS), string(ans.SSP), string(ans.SPS), string(ans.SPP), string(ans.SPPSUS)}, []int64{5, 10, 35, 15, 25, 10})
		}
	}

	// Contraprestacoes cells: beneficiaries by contract type, priced.
	var monthly int64
	if mod == string(ans.AdministradoraDeBeneficios) {
		p.revenue = p.lives * m.price
		p.abiLo, p.abiHi = 0, 0
		monthly = p.revenue
	} else {
		for k, share := range m.shares {
			if share == 0 {
				continue
			}
			heads := p.lives * (share + d.between(-share/4, share/4)) / 100
			if heads == 0 {
				continue
			}
			c := priceCell{mixTypes[k], m.segmento, heads * m.price * typePrice[k] / 100, heads}
			p.cells = append(p.cells, c)
			monthly += c.monthly
		}
		// a medical operator may also sell dental plans
		if m.segmento == string(ans.MedicoHospitalar) && mod != string(ans.Autogestao) && d.intn(100) < 35 {
			heads := p.lives * d.between(10, 35) / 100
			for k, share := range [2]int64{25, 75} {
				h := heads * share / 100
				c := priceCell{mixTypes[2*k], string(ans.Odontologico), h * 25 * typePrice[2*k] / 100, h}
				p.cells = append(p.cells, c)
				monthly += c.monthly
			}
		}
	}
	p.size = max(1, monthly*1_000_000/examplePremium)
	hasRemission := false
	for _, c := range p.cells {
		hasRemission = hasRemission || c.tipo == string(ans.Individual) || c.tipo == string(ans.ColetivoAdesao)
	}
	p.remissao = [4]bool{hasRemission, hasRemission, hasRemission, hasRemission && d.intn(100) < 70}

	// Programs and governance (Parto Adequado and APS are medical).
	medical := m.segmento == string(ans.MedicoHospitalar) && mod != string(ans.AdministradoraDeBeneficios)
	p.governanca = d.intn(100) < 45
	p.promoprev = mod != string(ans.AdministradoraDeBeneficios) && d.intn(100) < 30
	p.partoAdequado = medical && d.intn(100) < 12
	p.aps = medical && d.intn(100) < 10
	p.acreditacao = d.intn(100) < 15

	// Capital: PL for a target ICR (PLA / CR); about one in fifteen falls short.
	var icr int64 // parts per million
	if d.intn(100) < 5 {
		icr = d.between(550_000, 880_000)
		if d.intn(100) < 40 {
			p.situacoes = []string{"situacao_adequacao_economico_financeira"}
		}
	} else {
		icr = min(d.between(1_350_000, 4_500_000), d.between(1_350_000, 4_500_000))
	}
	deductions := p.r(9_200_000)
	p.icr = icr
	p.pl = deductions + estimateCR(&p, 12*monthly)*icr/1_000_000
	return p
}

// estimateCR is a rough CR (reais) for a profile: the capital base exactly,
// the CBR as a share of the annual contraprestações (calibrated against
// capreg calc on market operators: within about ±15 %).
func estimateCR(p *profile, annual int64) int64 {
	cb := int64(0)
	if rb, err := rulebook(); err == nil {
		if row, ok := ans.KRow(ans.Modalidade(p.modalidade), ans.Segmentacao(p.segmentacao)); ok {
			if k := rb.FatorK[row]; len(k) == 6 {
				if ref, ok := rb.CapitalReferenciaAt(time.Date(2025, time.September, 30, 0, 0, 0, 0, time.UTC)); ok {
					cb = ref.Valor.Mul(k[p.regiao-1].Decimal).Div(decimalHundred).IntPart()
				}
			}
		}
	}
	share := cbrShare[p.modalidade] // ppm of the annual contraprestações
	if p.governanca {               // the reduced factors apply
		share = share * 85 / 100
	} else {
		share = share * 110 / 100
	}
	return max(cb, annual*share/1_000_000)
}

// cbrShare is about what the CBR is, in parts per million of the annual
// contraprestações, by modalidade.
var cbrShare = map[string]int64{
	string(ans.MedicinaDeGrupo): 120_000, string(ans.CooperativaMedica): 116_000, string(ans.Filantropia): 108_000,
	string(ans.SeguradoraEspecializada): 130_000, string(ans.Autogestao): 140_000, string(ans.OdontologiaDeGrupo): 130_000,
	string(ans.CooperativaOdontologica): 123_000, string(ans.AdministradoraDeBeneficios): 38_000,
}

// rulebook is the embedded rulebook, parsed once.
var rulebook = sync.OnceValues(rules.Default)

var decimalHundred = decimal.NewFromInt(100)
