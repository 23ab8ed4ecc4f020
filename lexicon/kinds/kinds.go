// Package kinds holds the words that tell what a text is: its kind of
// document, whom its terms are offered to (consumers or businesses), whose
// law governs it, and which clauses speak for someone other than its
// author. The data lives in kinds.yaml.
package kinds

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"

	"shouhou/lexicon/embedded"
	"shouhou/reports"
)

//go:embed kinds.yaml
var kindsYAML []byte

// Region holds the words that place a text in one jurisdiction.
type Region struct {
	Strong []string `yaml:"strong"`
	Words  []string `yaml:"words"`
}

// Lexicon is the parsed kinds.yaml.
type Lexicon struct {
	Titles          map[reports.Kind][]string `yaml:"titles"`
	LawTitleEndings []string                  `yaml:"law_title_endings"`
	// ProjectTitles name a procurement project: a tender's title unless a
	// bid title word names the document.
	ProjectTitles []string `yaml:"project_titles"`
	// ContractTitles name a service contract between two parties (电梯
	// 保养合同, 维修服务协议): the terms of a policy, between businesses.
	ContractTitles []string `yaml:"contract_titles"`
	// ContractInSentence: words right after a contract title word that
	// show it named in a sentence (维保合同期内), not as a title.
	ContractInSentence []string                  `yaml:"contract_in_sentence"`
	Body               map[reports.Kind][]string `yaml:"body"`
	LawArticlePrefix   string                    `yaml:"law_article_prefix"`
	// Navigation marks a scraped page's breadcrumb or menu line, which
	// stands before the page's own title (您的位置: 首页 > 常识 >).
	Navigation []string `yaml:"navigation"`
	// HelpCentre marks a shop's help pages, whose question titles are the
	// shop's own answers.
	HelpCentre []string `yaml:"help_centre"`
	// TitleScope: the topics a page's title asks for (退款说明 asks for
	// refund times only); a general word (售后) asks for all.
	TitleScope struct {
		General []string                   `yaml:"general"`
		Words   map[string][]reports.Topic `yaml:"words"`
	} `yaml:"title_scope"`
	// ContractParties name the parties of a contract (甲方, 卖方): numbered
	// articles between them are a contract's, not a statute's.
	ContractParties []string `yaml:"contract_parties"`
	// Authors are an organisation naming itself (本机构, 本公司): numbered
	// articles it writes are its own rules, never a statute's.
	Authors []string `yaml:"authors"`
	// SharedAuthors are author words a statute also uses for the party it
	// regulates: they count only as a rule-making clause's agent.
	SharedAuthors []string `yaml:"shared_authors"`
	// FirstPerson: a shop speaking of itself (本店, 我们).
	FirstPerson []string `yaml:"first_person"`
	// Authorship words make a clause one that makes or interprets rules,
	// where an author word counts.
	Authorship []string `yaml:"authorship"`
	// ConsumerVoice: words that address consumers (您, 消费者).
	ConsumerVoice []string `yaml:"consumer_voice"`
	B2B           []string `yaml:"b2b"`
	// B2BWeak are weaker signs of business terms: two count as one.
	B2BWeak []string `yaml:"b2b_weak"`
	// Accessories follow a product word in the name of something else
	// (手机壳 is no phone): the product category is not told by it.
	Accessories []string `yaml:"accessories"`
	// CategoryCues mark a clause about the goods' 三包, warranty or
	// returns: a product named there is the subject of the terms.
	CategoryCues []string `yaml:"category_cues"`
	// Goods words show a document sells goods; a service's terms (清洗,
	// 保洁) are not asked for return, exchange or warranty periods.
	Goods         []string `yaml:"goods"`
	Consumer      []string `yaml:"consumer"`
	Jurisdictions struct {
		HK       Region   `yaml:"hk"`
		Macau    Region   `yaml:"macau"`
		TW       Region   `yaml:"tw"`
		Mainland []string `yaml:"mainland"`
	} `yaml:"jurisdictions"`
	// Letters are the words of a letter's head (致：…): whom it is
	// addressed to, and the titles of a commitment letter.
	Letters struct {
		// To opens the addressee's line (致：某市人民医院).
		To               string   `yaml:"to"`
		Buyers           []string `yaml:"buyers"`
		CommitmentTitles []string `yaml:"commitment_titles"`
		Consumers        []string `yaml:"consumers"`
		Institutions     []string `yaml:"institutions"`
	} `yaml:"letters"`
	// QuestionEndings end a title that asks (…吗, …?): an article's.
	QuestionEndings []string `yaml:"question_endings"`
	// StatePrefix names the state before a law's short name: a title
	// ending in 法 alone is a statute's only after it (中华人民共和国…法).
	StatePrefix string `yaml:"state_prefix"`
	Voice       struct {
		Other []string `yaml:"other"`
		Self  []string `yaml:"self"`
	} `yaml:"voice"`

	// LawArticle matches a clause that opens a law's numbered article.
	LawArticle *regexp.Regexp `yaml:"-"`
}

var file = embedded.New("lexicon/kinds/kinds.yaml", kindsYAML, (*Lexicon).prepare)

// prepare compiles the law-article pattern.
func (l *Lexicon) prepare() error {
	var err error
	if l.LawArticle, err = regexp.Compile(l.LawArticlePrefix); err != nil {
		return fmt.Errorf("law_article_prefix: %w", err)
	}
	// an empty word would be found in every text
	switch {
	case l.Letters.To == "":
		return fmt.Errorf("letters.to is empty")
	case l.StatePrefix == "":
		return fmt.Errorf("state_prefix is empty")
	case len(l.QuestionEndings) == 0 || slices.Contains(l.QuestionEndings, ""):
		return fmt.Errorf("question_endings is empty or holds an empty word")
	case len(l.Authors) == 0 || slices.Contains(l.Authors, ""):
		return fmt.Errorf("authors is empty or holds an empty word")
	case len(l.Authorship) == 0 || slices.Contains(l.Authorship, ""):
		return fmt.Errorf("authorship is empty or holds an empty word")
	case len(l.ConsumerVoice) == 0:
		return fmt.Errorf("consumer_voice is empty")
	}
	return nil
}

// Load returns the parsed lexicon; it is parsed once.
func Load() (*Lexicon, error) { return file.Load() }

// Must returns the lexicon or panics (see package lexicon/embedded).
func Must() *Lexicon { return file.Must() }
