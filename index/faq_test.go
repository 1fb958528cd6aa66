package index_test

import "testing"

// faqPage is a synthetic explainer page (invented places) in the shape of
// the news sites' merger explainers: a heading asking the question, then
// the paragraph answering it.
const faqPage = `synthetic: true
source: https://www.mau.example.invalid/hoi-dap/xa-mau-son-sap-nhap
title: Hỏi đáp về sắp xếp xã năm 2025

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Xã Mẫu Sơn sáp nhập với xã nào?

Theo đề án, xã Mẫu Sơn sáp nhập với xã Vi Du thành xã Mẫu Vi, trụ sở đặt tại xã Vi Du.
`

// TestQuestionHeadings: a question the page asks (an explainer's heading)
// holds every word of the same question and answers none of it: the
// paragraph after it answers.
func TestQuestionHeadings(t *testing.T) {
	ix := pageIndex(t, map[string]string{"faq.txt": faqPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"xa mau son sap nhap voi xa nao", "xã Vi Du thành xã Mẫu Vi"},
		{"Xã Mẫu Sơn sáp nhập với xã nào?", "xã Vi Du thành xã Mẫu Vi"},
	})
}
